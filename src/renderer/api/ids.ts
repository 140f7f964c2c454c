/**
 * Idempotency keys: one per ticket submission (and per modify/cancel), so a double click, a repeated hotkey or a
 * replayed call inside main's duplicate window is refused instead of sent twice. crypto.getRandomValues is in
 * every renderer (no network involved).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function newIdempotencyKey(prefix: 'tk' | 'md' | 'cx'): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return `${prefix}-${s}`;
}
