/**
 * The simulator in a child process, for benchmarks that must not share the terminal's event loop or core with
 * the exchange (the real KIS is on another machine). The child prints one JSON line with its addresses and keys,
 * then answers one JSON line per command written to its stdin (`driver`, optional: a module whose default export
 * `(sim) => (command) => result` handles them). Ending stdin closes the simulator and the child.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SimInfo {
  rest: string;
  ws: string;
  appkey: string;
  appsecret: string;
  account: string;
  htsId: string;
}

export interface SimChild {
  info: SimInfo;
  child: ChildProcess;
  /** Sends one command to the driver and resolves with its answer. */
  command<T>(cmd: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startSimChild(o: { start?: string; seed?: number; knobs?: object; driver?: string } = {}): Promise<SimChild> {
  const options = { clock: { start: o.start ?? '2026-11-23T10:00:00+09:00', speed: 0 }, ...(o.seed === undefined ? {} : { seed: o.seed }), knobs: { rateReal: 1e9, ...o.knobs } };
  const code = `
    import { startSimulator } from ${JSON.stringify(join(ROOT, 'src/sim/index.ts'))};
    const sim = await startSimulator(${JSON.stringify(options)});
    const handle = ${o.driver ? `(await import(${JSON.stringify(o.driver)})).default(sim)` : 'null'};
    process.stdout.write(JSON.stringify({ rest: sim.rest, ws: sim.ws, appkey: sim.appkey, appsecret: sim.appsecret, account: sim.account, htsId: sim.htsId }) + '\\n');
    let buf = '';
    process.stdin.on('data', async (d) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const answer = handle ? await handle(JSON.parse(line)) : null;
        process.stdout.write(JSON.stringify(answer ?? null) + '\\n');
      }
    });
    process.stdin.on('end', async () => { await sim.close(); process.exit(0); });
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let buf = '';
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const w = waiting.shift();
      if (w) w(line);
      else lines.push(line);
    }
  });
  const nextLine = () => new Promise<string>((resolve) => (lines.length ? resolve(lines.shift()!) : waiting.push(resolve)));
  const exited = new Promise<never>((_, reject) => child.on('exit', (c) => reject(new Error(`simulator child exited (${c})`))));
  exited.catch(() => {});
  const info = JSON.parse(await Promise.race([nextLine(), exited])) as SimInfo;
  return {
    info,
    child,
    async command<T>(cmd: unknown): Promise<T> {
      child.stdin!.write(`${JSON.stringify(cmd)}\n`);
      return JSON.parse(await Promise.race([nextLine(), exited])) as T;
    },
    async close() {
      if (child.exitCode !== null) return;
      const done = new Promise<void>((r) => child.once('exit', () => r()));
      child.stdin!.end();
      await done;
    },
  };
}
