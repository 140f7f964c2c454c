// @ts-check
/**
 * Lint is about boundaries (design.md "Layout", TEAM.md "Code rules"), not style:
 *   - src/shared imports only zod and other src/shared files; no Node or DOM globals.
 *   - src/renderer imports nothing from src/main, src/sim, src/preload, Node, electron or network libraries,
 *     and uses no network globals: it talks to main only through window.aegis.
 *   - src/preload imports only electron and src/shared.
 *   - only src/main/store/** imports better-sqlite3.
 *   - only src/main/electron/open-external.ts touches shell / shell.openExternal.
 *   - nobody uses @electron/remote, eval or new Function.
 * The checks live in the small local plugin below because they depend on where an import RESOLVES to,
 * which the stock no-restricted-imports cannot see for relative paths.
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;
const toPosix = (p) => p.split(sep).join('/');
const isBuiltin = (s) => s.startsWith('node:') || builtinModules.includes(s) || builtinModules.includes(s.split('/')[0]);
const packageName = (s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]);
const within = (rel, folders) => folders.some((f) => rel === f || rel.startsWith(`${f}/`));

/** @type {import('eslint').Rule.RuleModule} */
const boundaries = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: {
          area: { type: 'string' },
          allowBare: { type: 'array', items: { type: 'string' } },
          forbidBare: { type: 'array', items: { type: 'string' } },
          forbidBuiltins: { type: 'boolean' },
          allowRelativeInto: { type: 'array', items: { type: 'string' } },
          forbidRelativeInto: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const o = context.options[0] ?? {};
    const area = o.area ?? 'this folder';
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const report = (why) => context.report({ node, message: `${area} must not import '${source}': ${why}` });
      if (source.startsWith('.') || source.startsWith('/')) {
        const target = toPosix(relative(ROOT, resolve(dirname(context.filename), source)));
        if (o.allowRelativeInto && !within(target, o.allowRelativeInto)) report(`only ${o.allowRelativeInto.join(', ')} may be imported`);
        else if (o.forbidRelativeInto && within(target, o.forbidRelativeInto)) report(`${o.forbidRelativeInto.join(', ')} are off limits`);
        return;
      }
      if (o.forbidBuiltins && isBuiltin(source)) return report('no Node built-ins here');
      const pkg = packageName(source);
      if (o.allowBare && !o.allowBare.includes(pkg)) return report(`only ${o.allowBare.join(', ')} may be imported`);
      if (o.forbidBare && (o.forbidBare.includes(pkg) || o.forbidBare.includes(source))) return report('this package is reserved for another layer');
    };
    const literal = (n) => (n && n.type === 'Literal' ? n.value : undefined);
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => check(n, literal(n.source)),
      TSImportType: (n) => check(n, literal(n.argument?.literal ?? n.argument)),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require') check(n, literal(n.arguments[0]));
      },
    };
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const openExternalOnlyInHelper = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const message = 'shell.openExternal is reserved for src/main/electron/open-external.ts (URL allowlist): call openExternal() from there';
    const isOpenExternalKey = (key, computed) =>
      (!computed && key.type === 'Identifier' && key.name === 'openExternal') || (key.type === 'Literal' && key.value === 'openExternal');
    return {
      ImportDeclaration(n) {
        if (n.source.value !== 'electron') return;
        for (const s of n.specifiers) {
          if (s.type === 'ImportSpecifier' && s.imported.type === 'Identifier' && s.imported.name === 'shell') context.report({ node: s, message });
        }
      },
      MemberExpression(n) {
        if (isOpenExternalKey(n.property, n.computed)) context.report({ node: n, message });
      },
      Property(n) {
        if (n.parent.type === 'ObjectPattern' && isOpenExternalKey(n.key, n.computed)) context.report({ node: n, message });
      },
    };
  },
};

const aegis = { rules: { boundaries, 'open-external': openExternalOnlyInHelper } };

const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement', 'Element', 'customElements'];
const NODE_GLOBALS = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'];
const NETWORK_GLOBALS = ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource', 'RTCPeerConnection', 'Request'];
const restrictGlobals = (names, why) => names.map((name) => ({ name, message: `${name}: ${why}` }));
const NETWORK_PACKAGES = ['ws', 'undici', 'better-sqlite3', 'keytar', 'electron', '@electron/remote'];

export default [
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'coverage/**', '.vitest-results/**', 'docs/**'] },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    // Loaded (no rules switched on) so `eslint-disable @typescript-eslint/...` comments resolve.
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'],
    plugins: { aegis },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-imports': ['error', { paths: [{ name: '@electron/remote', message: 'design.md: no @electron/remote.' }] }],
      'aegis/open-external': 'error',
    },
  },
  { files: ['src/main/electron/open-external.ts'], rules: { 'aegis/open-external': 'off' } },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'aegis/boundaries': ['error', { area: 'src/shared', allowBare: ['zod'], allowRelativeInto: ['src/shared'] }],
      'no-restricted-globals': ['error', ...restrictGlobals([...DOM_GLOBALS, ...NODE_GLOBALS, ...NETWORK_GLOBALS], 'src/shared is pure (no DOM, no Node, no network)')],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'aegis/boundaries': [
        'error',
        { area: 'src/renderer', forbidBuiltins: true, forbidBare: NETWORK_PACKAGES, forbidRelativeInto: ['src/main', 'src/sim', 'src/preload'] },
      ],
      'no-restricted-globals': ['error', ...restrictGlobals([...NETWORK_GLOBALS, ...NODE_GLOBALS], 'the renderer has no network and no Node; use window.aegis')],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: { 'aegis/boundaries': ['error', { area: 'src/preload', allowBare: ['electron'], allowRelativeInto: ['src/preload', 'src/shared'] }] },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/store/**'],
    rules: { 'aegis/boundaries': ['error', { area: 'src/main (outside store/)', forbidBare: ['better-sqlite3'], forbidRelativeInto: ['src/renderer', 'src/preload'] }] },
  },
  {
    files: ['src/main/store/**/*.ts'],
    rules: { 'aegis/boundaries': ['error', { area: 'src/main/store', forbidRelativeInto: ['src/renderer', 'src/preload'] }] },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: { 'aegis/boundaries': ['error', { area: 'src/sim', forbidBare: ['better-sqlite3', 'electron'], forbidRelativeInto: ['src/renderer', 'src/preload'] }] },
  },
];
