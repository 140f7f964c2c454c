/**
 * Main-process logging. Every line goes through `redact`, which removes anything that looks like a KIS
 * secret (app keys, secrets, tokens, approval keys, account numbers) by key name and by registered value,
 * so a careless `log.info('x', { headers })` still cannot leak one (design.md invariant 6).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export interface LogRecord {
  time: number;
  level: LogLevel;
  scope: string;
  message: string;
  fields?: Record<string, unknown>;
}
export type LogSink = (record: LogRecord) => void;

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

const SECRET_KEY = /(app_?key|app_?secret|secret_?key|secret|token|authorization|approval_?key|password|cano|account(_?no)?|acnt_no|hts_?id|cust_id)/i;
const MASK = '«redacted»';

/** Values registered at runtime (the actual appkey, token, account number…) are masked wherever they appear. */
const registered = new Set<string>();
export function registerSecret(value: string | null | undefined): void {
  if (value && value.length >= 4) registered.add(value);
}
export function forgetSecrets(): void {
  registered.clear();
}

export function redactText(text: string): string {
  let out = text;
  for (const secret of registered) if (out.includes(secret)) out = out.split(secret).join(MASK);
  // Bearer tokens and JWT-looking strings even if nobody registered them.
  out = out.replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/g, `Bearer ${MASK}`);
  out = out.replace(/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, MASK);
  return out;
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEY.test(k) && v !== null && v !== undefined && v !== '' ? MASK : redact(v, depth + 1);
  }
  return out;
}

/** Writes JSON lines to stderr; tests pass their own sink to capture and search the output. */
export const stderrSink: LogSink = (r) => {
  process.stderr.write(`${JSON.stringify(r)}\n`);
};

export function createLogger(sink: LogSink = stderrSink, scope = 'main', minLevel: LogLevel = 'info'): Logger {
  const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
  const emit = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (order[level] < order[minLevel]) return;
    const record: LogRecord = { time: Date.now(), level, scope, message: redactText(message) };
    if (fields) record.fields = redact(fields) as Record<string, unknown>;
    sink(record);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (s) => createLogger(sink, `${scope}.${s}`, minLevel),
  };
}

/** For code under test that must not print anything. */
export const silentLogger: Logger = createLogger(() => {}, 'silent');
