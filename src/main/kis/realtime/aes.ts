/**
 * AES-256-CBC/PKCS7 for encrypted realtime frames (H0STCNI0/H0STCNI9, kis-api.md §6.5). The ack's `key`
 * (32 chars) and `iv` (16 chars) are used as their UTF-8 bytes — no hex or base64 decoding.
 */
import { createDecipheriv } from 'node:crypto';

export interface TrCipher {
  key: Buffer;
  iv: Buffer;
}

/** Validates the ack strings once, so a bad ack fails at subscribe time rather than on every frame. */
export function makeCipher(key: string, iv: string): TrCipher | null {
  const k = Buffer.from(key, 'utf8');
  const v = Buffer.from(iv, 'utf8');
  if (k.length !== 32 || v.length !== 16) return null;
  return { key: k, iv: v };
}

/** Base64 payload → UTF-8 plaintext. Throws on a wrong key/iv (bad padding) or damaged ciphertext. */
export function decryptPayload(base64: string, cipher: TrCipher): string {
  const d = createDecipheriv('aes-256-cbc', cipher.key, cipher.iv); // PKCS#7 padding is Node's default
  return Buffer.concat([d.update(Buffer.from(base64, 'base64')), d.final()]).toString('utf8');
}
