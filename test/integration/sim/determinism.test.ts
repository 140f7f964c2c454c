import { describe, expect, it } from 'vitest';
import type { SimHandle } from '../../../src/sim/handle';
import { Kis, startTestSim, WsClient } from './kis';

/** The same scripted session against a simulator; returns everything observable on the wire. */
async function session(seed: number): Promise<unknown[]> {
  const s: SimHandle = await startTestSim({ seed, knobs: { rateReal: 1000 } });
  const ws = await WsClient.open(s.ws);
  try {
    const k = await Kis.connect(s);
    const approval = await k.approvalKey();
    const ack = await ws.subscribe(approval, 'H0STCNI0', s.htsId);
    await ws.subscribe(approval, 'H0STCNT0', '005930');
    const out: unknown[] = [s.appkey, k.token, approval, ack.body.output];
    const { bid1 } = await k.book('005930');
    out.push((await k.order('buy', '005930', 5, bid1 - 300)).body.output);
    out.push((await k.order('buy', '000660', 2, 0, '01')).body.output);
    s.clock.advance(15_000);
    out.push((await k.price('005930')).body.output);
    out.push((await k.book('000660')).body);
    out.push((await k.balance()).body);
    out.push((await k.dailyCcld()).body);
    await new Promise((r) => setTimeout(r, 50));
    out.push(ws.frames.filter((f) => !f.includes('PINGPONG')));
    return out;
  } finally {
    ws.close();
    await s.close();
  }
}

describe('determinism', () => {
  it('two simulators with one seed answer the same steps identically; another seed differs', async () => {
    const a = await session(42);
    const b = await session(42);
    expect(b).toEqual(a);
    const c = await session(43);
    expect(c[0]).not.toEqual(a[0]);
    expect(c[6]).not.toEqual(a[6]);
  });
});
