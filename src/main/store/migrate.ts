/**
 * Schema migrations, tracked by PRAGMA user_version. Each step runs in its own IMMEDIATE transaction
 * together with the user_version bump (both live in the database header, which SQLite journals), so a
 * crash or an exception leaves the file at the previous version with no half-applied step.
 */
import { migrationFailedError, tooNewError } from './errors';
import { MIGRATIONS, type Migration } from './migrations';
import { AEGIS_APPLICATION_ID, readPragma, type WritableDb } from './open';

export interface MigrateResult {
  from: number;
  to: number;
  applied: number[];
}

export function migrate(
  db: WritableDb,
  file: string,
  options: { target?: number; migrations?: readonly Migration[] } = {},
): MigrateResult {
  const list = options.migrations ?? MIGRATIONS;
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name}: version ${m.version}, expected ${i + 1}`);
  });
  const latest = list.length;
  const target = options.target ?? latest;
  const from = readPragma(db, 'user_version');
  // Second line of defence: openStore already refused such a file without opening it for writing.
  if (from > latest) throw tooNewError(file, from, latest);
  const applied: number[] = [];
  for (const m of list) {
    if (m.version <= from || m.version > target) continue;
    try {
      db.transaction(() => {
        m.up(db);
        if (m.version === 1) db.pragma(`application_id = ${AEGIS_APPLICATION_ID}`);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    } catch (err) {
      throw migrationFailedError(file, m.version, err);
    }
    applied.push(m.version);
  }
  return { from, to: readPragma(db, 'user_version'), applied };
}
