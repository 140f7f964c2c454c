import type { WritableDb } from '../open';

/** One schema step. `up` runs inside the runner's transaction; it must not open its own. */
export interface Migration {
  version: number;
  name: string;
  up(db: WritableDb): void;
}
