/**
 * The boundary rules in eslint.config.js, run through ESLint's API on snippets placed (virtually) in each
 * folder: a rule that silently stopped matching would fail here.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../e2e/harness';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: REPO_ROOT });
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/${file}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('lint boundaries', () => {
  it.each([
    ['src/shared/x.ts', "import { app } from 'electron';"],
    ['src/shared/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/shared/x.ts', "import { readFileSync } from 'fs';"],
    ['src/shared/x.ts', "import { createCore } from '../main/core';"],
    ['src/shared/ipc/x.ts', "export * from '../../renderer/App';"],
    ['src/shared/x.ts', 'export const w = window.innerWidth;'],
    ['src/shared/x.ts', 'export const e = process.env.X;'],
    ['src/renderer/x.tsx', "import { createCore } from '../main/core';"],
    ['src/renderer/panels/x.tsx', "import type { Core } from '../../main/core';"],
    ['src/renderer/x.tsx', "import { startSimulator } from '../sim/index';"],
    ['src/renderer/x.tsx', "import { join } from 'node:path';"],
    ['src/renderer/x.tsx', "import { ipcRenderer } from 'electron';"],
    ['src/renderer/x.tsx', "import WebSocket from 'ws';"],
    ['src/renderer/x.tsx', "import { request } from 'undici';"],
    ['src/renderer/x.tsx', "const m = await import('better-sqlite3');"],
    ['src/renderer/x.tsx', "void fetch('https://example.com');"],
    ['src/renderer/x.tsx', "new WebSocket('ws://127.0.0.1:1');"],
    ['src/preload/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/preload/x.ts', "import { createCore } from '../main/core';"],
    ['src/main/kis/x.ts', "import Database from 'better-sqlite3';"],
    ['src/main/x.ts', "const Database = require('better-sqlite3');"],
    ['src/sim/x.ts', "import Database from 'better-sqlite3';"],
    ['src/main/x.ts', "import { shell } from 'electron';"],
    ['src/main/electron/x.ts', "declare const s: { openExternal(u: string): void }; s.openExternal('https://x');"],
    ['src/main/x.ts', "declare const s: Record<string, (u: string) => void>; s['openExternal']('https://x');"],
    ['src/main/x.ts', 'declare const s: { openExternal(u: string): void }; const { openExternal } = s;'],
    ['src/main/x.ts', "import remote from '@electron/remote';"],
    ['src/main/x.ts', "eval('1');"],
  ])('%s: refuses %s', async (file, code) => {
    const found = await problems(file, code);
    expect(found.length).toBeGreaterThan(0);
    // Refused by a boundary rule, not by a parse error or an unrelated rule.
    expect(found.every((p) => /^(aegis\/|no-restricted-|no-eval)/.test(p)), found.join("\n")).toBe(true);
  });

  it.each([
    ['src/shared/x.ts', "import { z } from 'zod'; import type { Clock } from './clock'; export const s = z.string(); export type C = Clock;"],
    ['src/renderer/x.tsx', "import { create } from 'zustand'; import type { AegisApi } from '../shared/ipc/contract'; export type A = AegisApi; export const c = create;"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron'; import { buildAegisApi } from '../shared/ipc/api'; export { contextBridge, buildAegisApi };"],
    ['src/main/store/x.ts', "import Database from 'better-sqlite3'; export { Database };"],
    ['src/main/electron/open-external.ts', "import { shell } from 'electron'; export const o = (u: string) => shell.openExternal(u);"],
    ['src/main/x.ts', "import { openExternal } from './electron/open-external'; void openExternal('https://apiportal.koreainvestment.com');"],
  ])('%s: allows %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
