/**
 * Runs before the zod schema: the payload must be plain data as structured clone / JSON would produce it.
 * Refuses prototype tricks (`__proto__`, `constructor`, `prototype` keys, objects with a foreign
 * prototype), functions, symbols, non-finite numbers, absurd depth and absurd size, so a schema written
 * slightly too loosely still never sees them.
 */

export interface PlainDataProblem {
  path: string;
  reason: 'forbidden-key' | 'not-plain' | 'too-deep' | 'too-large' | 'not-finite' | 'bad-type';
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 16;
const MAX_NODES = 20_000;
const MAX_TOTAL_STRING = 2_000_000;

export function findPlainDataProblem(value: unknown): PlainDataProblem | null {
  let nodes = 0;
  let stringChars = 0;
  const visit = (v: unknown, path: string, depth: number): PlainDataProblem | null => {
    if (++nodes > MAX_NODES) return { path, reason: 'too-large' };
    if (depth > MAX_DEPTH) return { path, reason: 'too-deep' };
    switch (typeof v) {
      case 'string':
        stringChars += v.length;
        return stringChars > MAX_TOTAL_STRING ? { path, reason: 'too-large' } : null;
      case 'number':
        return Number.isFinite(v) ? null : { path, reason: 'not-finite' };
      case 'boolean':
      case 'undefined':
        return null;
      case 'object':
        break;
      default:
        return { path, reason: 'bad-type' };
    }
    if (v === null) return null;
    if (Array.isArray(v)) {
      if (Object.getPrototypeOf(v) !== Array.prototype) return { path, reason: 'not-plain' };
      for (let i = 0; i < v.length; i++) {
        const problem = visit(v[i], `${path}[${i}]`, depth + 1);
        if (problem) return problem;
      }
      return null;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return { path, reason: 'not-plain' };
    if (Object.getOwnPropertySymbols(v).length > 0) return { path, reason: 'bad-type' };
    for (const key of Object.getOwnPropertyNames(v)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      if (FORBIDDEN_KEYS.has(key)) return { path: childPath, reason: 'forbidden-key' };
      const desc = Object.getOwnPropertyDescriptor(v, key);
      // Getters could run code or answer differently on the second read.
      if (!desc || !('value' in desc)) return { path: childPath, reason: 'not-plain' };
      const problem = visit(desc.value, childPath, depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return visit(value, '', 0);
}
