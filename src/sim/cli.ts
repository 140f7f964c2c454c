/**
 * `npm run sim -- [--port N] [--ws-port N] [--seed S] [--env real|paper] [--clock real|virtual:<ISO>x<speed>]`
 * Starts the simulator and prints ONE JSON line first (where it listens and its demo credentials — the
 * simulator is a demo credential issuer, so printing its own keys is the point), then logs to stderr.
 */
import { parseClockArg } from './clock';
import type { StartSimOptions } from './handle';
import { startSimulator } from './index';

function parseArgs(argv: string[]): StartSimOptions {
  const opts: StartSimOptions = { log: true };
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`${name} needs a value`);
    return v;
  };
  const int = (text: string, name: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${text}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const [flag, inline] = raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    const v = (): string => inline ?? value(i++, flag);
    switch (flag) {
      case '--port':
        opts.restPort = int(v(), flag);
        break;
      case '--ws-port':
        opts.wsPort = int(v(), flag);
        break;
      case '--seed':
        opts.seed = int(v(), flag);
        break;
      case '--env': {
        const env = v();
        if (env !== 'real' && env !== 'paper') throw new Error(`--env must be real or paper, got ${env}`);
        opts.personality = env;
        break;
      }
      case '--clock':
        opts.clock = parseClockArg(v());
        break;
      case '--help':
      case '-h':
        process.stdout.write('npm run sim -- [--port N] [--ws-port N] [--seed S] [--env real|paper] [--clock real|virtual:2026-11-23T09:30:00+09:00x1]\n');
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown argument ${raw}`);
    }
  }
  return opts;
}

async function main(): Promise<void> {
  let opts: StartSimOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  }
  const sim = await startSimulator(opts);
  process.stdout.write(
    `${JSON.stringify({ rest: sim.rest, ws: sim.ws, appkey: sim.appkey, appsecret: sim.appsecret, account: sim.account, htsId: sim.htsId, env: sim.env })}\n`,
  );
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
