/**
 * design.md invariant 2 in code: only src/main/store touches SQLite, only writer.ts opens the writable
 * connection, and the read services cannot reach anything that writes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(name) ? [p] : [];
  });
}

const files = sources(SRC).map((p) => ({ path: relative(ROOT, p).split('\\').join('/'), text: readFileSync(p, 'utf8') }));
const imports = (text: string): string[] => [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('store architecture', () => {
  it('finds the store sources it is checking', () => {
    expect(files.some((f) => f.path === 'src/main/store/writer.ts')).toBe(true);
    expect(files.some((f) => f.path === 'src/main/store/open.ts')).toBe(true);
  });

  it('only src/main/store imports better-sqlite3', () => {
    const offenders = files.filter((f) => !f.path.startsWith('src/main/store/') && imports(f.text).some((i) => i === 'better-sqlite3'));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('code outside the store uses its public index, never its connection or writer internals', () => {
    const internal = /(^|\/)store\/(open|migrate|migrations|write|read)(\/|$)/;
    const offenders = files.filter((f) => !f.path.startsWith('src/main/store/') && imports(f.text).some((i) => internal.test(i)));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('only writer.ts opens a writable connection', () => {
    const callers = files.filter((f) => /\bopenWritableDb\s*\(/.test(f.text) && !/export function openWritableDb/.test(f.text));
    expect(callers.map((f) => f.path)).toEqual(['src/main/store/writer.ts']);
  });

  it('the read services import nothing that writes', () => {
    const readSide = files.filter((f) => f.path.startsWith('src/main/store/read/') || f.path === 'src/main/store/reads.ts');
    expect(readSide.length).toBeGreaterThan(3);
    for (const f of readSide) {
      expect(imports(f.text).filter((i) => /write|writer|migrate/.test(i)), f.path).toEqual([]);
      expect(f.text, f.path).not.toMatch(/WritableDb|\.exec\(|\.transaction\(/);
    }
  });
});
