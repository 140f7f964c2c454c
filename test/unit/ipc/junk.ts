/**
 * Generates junk payloads for any channel from its schema and valid example: not-an-object values, extra
 * keys, prototype tricks, and per field wrong types, huge strings, non-finite and huge numbers. Used by the
 * generic contract test, so channels added later are covered without new test code.
 */
import { z } from 'zod';

export interface Junk {
  name: string;
  payload: unknown;
}

const HUGE = 'x'.repeat(1_000_001);

function wrongTypesFor(value: unknown): unknown[] {
  switch (typeof value) {
    case 'string':
      return [12345, true, null, { s: value }, [value]];
    case 'number':
      return [String(value), true, null, [value]];
    case 'boolean':
      return ['true', 1, null];
    case 'object':
      return value === null ? [{}, 'null'] : Array.isArray(value) ? ['[]', 1, {}] : ['{}', 1, []];
    default:
      return ['x', 1];
  }
}

/** Field names declared by a (strict) object schema, whether or not the example sets them. */
function declaredKeys(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

export function junkFor(schema: z.ZodType, example: unknown): Junk[] {
  const base = (typeof example === 'object' && example !== null ? example : {}) as Record<string, unknown>;
  const junk: Junk[] = [
    { name: 'undefined', payload: undefined },
    { name: 'null', payload: null },
    { name: 'number', payload: 42 },
    { name: 'string', payload: 'hello' },
    { name: 'array', payload: [base] },
    { name: 'boolean', payload: true },
    { name: 'extra key', payload: { ...base, zzExtra: 1 } },
    { name: 'huge extra key', payload: { ...base, zzExtra: HUGE } },
    { name: 'own __proto__ key', payload: Object.assign(JSON.parse('{"__proto__": {"polluted": true}}') as object, base) },
    { name: 'constructor key', payload: { ...base, constructor: { prototype: { polluted: true } } } },
    { name: 'prototype key', payload: { ...base, prototype: {} } },
    { name: 'inherited fields (foreign prototype)', payload: Object.create(base) as unknown },
    { name: 'class instance', payload: Object.assign(new (class Sneaky {})(), base) },
    { name: 'getter', payload: Object.defineProperty({ ...base }, 'zzGetter', { get: () => 1, enumerable: true }) },
    { name: 'deep nesting', payload: { ...base, zzDeep: nest(64) } },
  ];
  for (const key of declaredKeys(schema)) {
    const value = base[key];
    for (const wrong of wrongTypesFor(value === undefined ? 'sample' : value)) {
      // `null` and omitted values can be legal for nullable/optional fields; only count what the schema refuses.
      if (value === undefined && wrong === null) continue;
      junk.push({ name: `${key}: wrong type ${JSON.stringify(wrong)?.slice(0, 20)}`, payload: { ...base, [key]: wrong } });
    }
    if (typeof value === 'string') junk.push({ name: `${key}: huge string`, payload: { ...base, [key]: HUGE } });
    if (typeof value === 'number') {
      junk.push({ name: `${key}: NaN`, payload: { ...base, [key]: NaN } });
      junk.push({ name: `${key}: Infinity`, payload: { ...base, [key]: Infinity } });
      junk.push({ name: `${key}: 1e300`, payload: { ...base, [key]: 1e300 } });
    }
  }
  return junk;
}

function nest(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { v };
  return v;
}

/** Every string reachable in a schema's declared fields must be bounded: the example with 1 MB there fails. */
export function unboundedStringFields(schema: z.ZodType, example: unknown): string[] {
  const base = (typeof example === 'object' && example !== null ? example : {}) as Record<string, unknown>;
  const bad: string[] = [];
  for (const key of declaredKeys(schema)) {
    if (schema.safeParse({ ...base, [key]: HUGE }).success) bad.push(key);
  }
  return bad;
}
