/** Test doubles for the Electron-only ports (the only parts tests replace; see design.md "core seam"). */
import type { Notifier, OsNotification } from '../../src/main/electron-ports';
import type { LogRecord, LogSink } from '../../src/main/log';

/** Records every OS notification instead of showing it. */
export function recordingNotifier(): Notifier & { notifications: OsNotification[] } {
  const notifications: OsNotification[] = [];
  return { notifications, notify: (n) => void notifications.push(n) };
}

/** Collects log records so a test can assert on them (e.g. that no secret appears). */
export function recordingSink(): { sink: LogSink; records: LogRecord[] } {
  const records: LogRecord[] = [];
  return { records, sink: (r) => void records.push(r) };
}
