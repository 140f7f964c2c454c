/**
 * AES-256-CBC / PKCS#7 for H0STCNI0/H0STCNI9 payloads (kis-api.md §6.5): key and iv are the ack's ASCII
 * strings used as UTF-8 bytes (32 and 16 bytes), the ciphertext travels as Base64.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';

export function aesEncryptBase64(plaintext: string, key: string, iv: string): string {
  const c = createCipheriv('aes-256-cbc', Buffer.from(key, 'utf8'), Buffer.from(iv, 'utf8'));
  return Buffer.concat([c.update(plaintext, 'utf8'), c.final()]).toString('base64');
}

export function aesDecryptBase64(b64: string, key: string, iv: string): string {
  const d = createDecipheriv('aes-256-cbc', Buffer.from(key, 'utf8'), Buffer.from(iv, 'utf8'));
  return Buffer.concat([d.update(Buffer.from(b64, 'base64')), d.final()]).toString('utf8');
}
