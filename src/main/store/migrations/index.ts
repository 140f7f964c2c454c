/** Every migration, in order. Add a file `NNN_name.ts` and append it here; never edit a released one. */
import { migration001 } from './001_core';
import { migration002 } from './002_market_data';
import { migration003 } from './003_app_state';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
