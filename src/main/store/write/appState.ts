/**
 * Settings (JSON values; their shapes are validated by the settings service, the store only guarantees
 * valid JSON) and the kill switch, which must survive a restart (issue 6).
 */
import { transaction } from '../open';
import type { JsonValue, KillSwitchInput } from '../types';
import { refuse, type WriteContext } from './context';
import * as v from './validate';

const SETTING_KEY = /^[A-Za-z0-9_.:-]{1,100}$/;

function toJson(value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value, (_k, x: unknown) => {
      if (typeof x === 'bigint' || typeof x === 'function' || typeof x === 'symbol') throw new Error(`${typeof x} is not JSON`);
      if (typeof x === 'number' && !Number.isFinite(x)) throw new Error('non-finite number is not JSON');
      return x;
    });
  } catch (err) {
    refuse('BAD_INPUT', `setting value is not JSON-serializable: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (json === undefined) refuse('BAD_INPUT', 'setting value is not JSON-serializable (undefined)');
  if ((json as string).length > 1_000_000) refuse('BAD_INPUT', 'setting value is larger than 1 MB');
  return json as string;
}

export function setSetting(ctx: WriteContext, key: string, value: JsonValue): { key: string } {
  if (typeof key !== 'string' || !SETTING_KEY.test(key)) refuse('BAD_INPUT', 'setting key must be 1–100 of A-Z a-z 0-9 _ . : -');
  const json = toJson(value);
  return transaction(ctx.db, () => {
    ctx
      .stmt('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
      .run(key, json, ctx.clock.now());
    return { key };
  });
}

export function deleteSetting(ctx: WriteContext, key: string): { deleted: boolean } {
  if (typeof key !== 'string' || !SETTING_KEY.test(key)) refuse('BAD_INPUT', 'setting key must be 1–100 of A-Z a-z 0-9 _ . : -');
  return transaction(ctx.db, () => ({ deleted: ctx.stmt('DELETE FROM settings WHERE key = ?').run(key).changes > 0 }));
}

export function setKillSwitch(ctx: WriteContext, input: KillSwitchInput): { engaged: boolean; changed: boolean } {
  if (typeof input.engaged !== 'boolean') refuse('BAD_INPUT', 'engaged must be a boolean');
  const reason = v.text('reason', input.reason, 500);
  const by = v.text('by', input.by, 40);
  return transaction(ctx.db, () => {
    const now = ctx.clock.now();
    const current = ctx.stmt('SELECT engaged FROM kill_switch WHERE id = 1').get() as { engaged: number };
    const engaged = input.engaged ? 1 : 0;
    ctx.stmt('UPDATE kill_switch SET engaged = ?, reason = ?, changed_by = ?, changed_at = ? WHERE id = 1').run(engaged, reason, by, now);
    ctx.stmt('INSERT INTO kill_switch_events (engaged, reason, changed_by, changed_at) VALUES (?, ?, ?, ?)').run(engaged, reason, by, now);
    return { engaged: input.engaged, changed: current.engaged !== engaged };
  });
}
