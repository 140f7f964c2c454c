/**
 * `npm run bench -- [--only a,b] [--input FILE]`: runs every `test/bench/*.bench.ts` module's benches and
 * prints one JSON line per metric. Speed goals live here, not in tests (tests check behaviour).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench } from './bench';

function parseArgs(argv: string[]): { only: string[] | null; input?: string } {
  let only: string[] | null = null;
  let input: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') only = (argv[++i] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    else if (a?.startsWith('--only=')) only = a.slice(7).split(',').filter(Boolean);
    else if (a === '--input') input = argv[++i];
    else if (a?.startsWith('--input=')) input = a.slice(8);
  }
  return { only, input };
}

async function main(): Promise<void> {
  const { only, input } = parseArgs(process.argv.slice(2));
  const here = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
  const benches: Bench[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { benches?: Bench[] };
    benches.push(...(mod.benches ?? []));
  }
  const selected = only ? benches.filter((b) => only.some((o) => b.metric === o || b.metric.startsWith(`${o}.`))) : benches;
  if (only && selected.length === 0) {
    console.error(`No bench matches --only ${only.join(',')}. Known: ${benches.map((b) => b.metric).join(', ')}`);
    process.exit(2);
  }
  let failed = false;
  for (const b of selected) {
    try {
      const r = await b.run(input === undefined ? {} : { input });
      console.log(JSON.stringify({ metric: b.metric, value: r.value, unit: r.unit, detail: r.detail ?? {} }));
    } catch (err) {
      failed = true;
      console.log(JSON.stringify({ metric: b.metric, error: err instanceof Error ? err.message : String(err) }));
    }
  }
  process.exit(failed ? 1 : 0);
}

void main();
