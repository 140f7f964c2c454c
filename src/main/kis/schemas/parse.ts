/** Runs a schema over a (lowercased) KIS body and turns the first violation into a KisBadResponseError naming the field. */
import type { z } from 'zod';
import { KisBadResponseError } from '../errors';

export function parseKis<S extends z.ZodType>(schema: S, body: unknown, trId: string): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = formatPath(issue.path);
  const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
  const message = missing ? `${trId}: required field ${field} is missing` : `${trId}: field ${field}: ${issue.message}`;
  throw new KisBadResponseError(message, { trId, field });
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out || '(body)';
}
