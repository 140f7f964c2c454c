/**
 * Electronegativity gate. Its CLI always exits 0, so this runs its JS API over the main and preload
 * sources and their built output (staged into one folder, so its global checks — navigation limits, CSP,
 * permission handler — see the whole app at once), prints every finding, and fails on any HIGH-or-worse
 * finding with FIRM-or-better confidence (toolchain.md). Lower findings are printed for review.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const { severity, confidence } = require('@doyensec/electronegativity/dist/finder/attributes');

const electronVersion = JSON.parse(readFileSync(resolve(root, 'node_modules/electron/package.json'), 'utf8')).version;
const sources = ['src/main', 'src/preload', 'out/main', 'out/preload'];
const missing = sources.filter((s) => !existsSync(resolve(root, s)));
if (missing.length > 0) {
  console.error(`electronegativity: missing ${missing.join(', ')} (run electron-vite build first)`);
  process.exit(1);
}

const started = Date.now();
const stage = mkdtempSync(join(tmpdir(), 'aegis-electronegativity-'));
let result;
try {
  for (const s of sources) cpSync(resolve(root, s), join(stage, s), { recursive: true });
  // The library tries to download translations and logs through console.log; keep the report readable.
  const log = console.log;
  console.log = () => {};
  try {
    result = await run({
      input: stage,
      electronVersionOverride: electronVersion,
      isRelative: true,
      parserPlugins: [],
      // This one check downloads Electron's release list from GitHub; build machines have no internet.
      // Staying on a patched Electron is handled by the pinned version in package.json instead.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
  } finally {
    console.log = log;
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}

let blocking = 0;
const parseErrors = result.errors.filter((e) => !e.tolerable);
for (const e of parseErrors) console.error(`electronegativity: could not parse ${e.file}: ${e.message}`);
for (const issue of result.issues) {
  const blocks = issue.severity.value >= severity.HIGH.value && issue.confidence.value >= confidence.FIRM.value;
  if (blocks) blocking++;
  const where = issue.file === 'N/A' || issue.file.endsWith('N/A') ? '(whole app)' : `${issue.file}:${issue.location.line}:${issue.location.column}`;
  console.log(`${blocks ? 'FAIL' : 'note'} ${issue.id} [${issue.severity.name}/${issue.confidence.name}] ${where}${issue.manualReview ? ' (manual review)' : ''}`);
}
console.log(
  `electronegativity: ${result.issues.length} finding(s), ${blocking} at HIGH+ severity with FIRM+ confidence, ${parseErrors.length} unparsable file(s) (${Date.now() - started} ms)`,
);
process.exit(blocking > 0 || parseErrors.length > 0 ? 1 : 0);
