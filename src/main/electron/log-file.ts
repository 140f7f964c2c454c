/** A log sink appending JSON lines to <logs>/main.log (records are already redacted by src/main/log.ts). */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LogSink } from '../log';

export function fileSink(logDir: string, alsoStderr: boolean): LogSink {
  mkdirSync(logDir, { recursive: true });
  const file = join(logDir, 'main.log');
  return (record) => {
    const line = `${JSON.stringify(record)}\n`;
    try {
      appendFileSync(file, line);
    } catch {
      // A full disk must not crash trading; the line still goes to stderr below when enabled.
    }
    if (alsoStderr) process.stderr.write(line);
  };
}
