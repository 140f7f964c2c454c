import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGTERM');
});

function runCli(args: string[]): Promise<{ first: Record<string, string>; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/sim/cli.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => resolve({ first: JSON.parse(line) as Record<string, string>, child }));
    child.once('exit', (code) => reject(new Error(`cli exited ${code}`)));
  });
}

describe('npm run sim', () => {
  it('prints one JSON line with where it listens and its demo credentials; same seed → same market', async () => {
    const clock = '--clock=virtual:2026-11-23T10:00:00+09:00x0';
    const [a, b] = await Promise.all([runCli(['--seed', '5', '--env', 'paper', clock]), runCli(['--seed', '5', '--env', 'paper', clock])]);
    expect(Object.keys(a.first)).toEqual(['rest', 'ws', 'appkey', 'appsecret', 'account', 'htsId', 'env']);
    expect(a.first.rest).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.first.ws).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(a.first.account).toMatch(/^\d{8}-\d{2}$/);
    expect(a.first.env).toBe('paper');
    expect(a.first.appkey).toBe(b.first.appkey);
    const quote = async (first: Record<string, string>) => {
      const tok = (await (
        await fetch(`${first.rest}/oauth2/tokenP`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credentials', appkey: first.appkey, appsecret: first.appsecret }) })
      ).json()) as { access_token: string };
      const r = await fetch(`${first.rest}/uapi/domestic-stock/v1/quotations/inquire-asking-price-exp-ccn?FID_COND_MRKT_DIV_CODE=J&FID_INPUT_ISCD=005930`, {
        headers: { authorization: `Bearer ${tok.access_token}`, appkey: first.appkey!, appsecret: first.appsecret!, tr_id: 'FHKST01010200', custtype: 'P' },
      });
      return ((await r.json()) as { output1: unknown }).output1;
    };
    expect(await quote(a.first)).toEqual(await quote(b.first));
  });

  it('refuses unknown arguments with exit code 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/sim/cli.ts', '--env', 'moon'], { cwd: process.cwd(), stdio: 'ignore' });
    children.push(child);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
  });
});
