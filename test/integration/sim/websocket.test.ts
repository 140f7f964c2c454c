import { createDecipheriv } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../../src/sim/handle';
import { DEMO_ACCOUNT_2 } from '../../../src/sim/fixtures/accounts';
import { Kis, splitDataFrame, startTestSim, WsClient, type Body } from './kis';

let sims: SimHandle[] = [];
let sockets: WsClient[] = [];
afterEach(async () => {
  for (const c of sockets) c.close();
  sockets = [];
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
});

async function setup(opts: Parameters<typeof startTestSim>[0] = {}) {
  const s = await startTestSim({ ...opts, knobs: { rateReal: 1000, ...opts.knobs } });
  sims.push(s);
  const k = await Kis.connect(s);
  const approval = await k.approvalKey();
  const ws = await WsClient.open(s.ws);
  sockets.push(ws);
  return { s, k, approval, ws };
}

async function open(s: SimHandle): Promise<WsClient> {
  const ws = await WsClient.open(s.ws);
  sockets.push(ws);
  return ws;
}

/** The independent decrypt a KIS client would write from kis-api.md §6.5 — not the simulator's helper. */
function decrypt(b64: string, key: string, iv: string): string {
  const d = createDecipheriv('aes-256-cbc', Buffer.from(key, 'utf8'), Buffer.from(iv, 'utf8'));
  return Buffer.concat([d.update(Buffer.from(b64, 'base64')), d.final()]).toString('utf8');
}

const isData = (tr: string) => (f: string) => f.startsWith(`0|${tr}|`);
const isNotice = (f: string) => f.startsWith('1|');

function noticeFields(frame: string, ack: Body): string[] {
  const [enc, tr, count, payload] = frame.split('|');
  expect(enc).toBe('1');
  expect(count).toBe('001');
  expect(tr).toBe(ack.header.tr_id);
  return decrypt(payload!, ack.body.output.key, ack.body.output.iv).split('^');
}

describe('market data frames', () => {
  it('packs several H0STCNT0 records per frame; 47 fields in the 2026-09 regime, consistent with REST', async () => {
    const { s, k, approval, ws } = await setup();
    const ack = await ws.subscribe(approval, 'H0STCNT0', '005930');
    expect(ack.body.msg_cd).toBe('OPSP0000');
    expect(ack.header.encrypt).toBe('N');
    const from = ws.frames.length;
    s.clock.advance(20_000);
    await ws.next(isData('H0STCNT0'), 3000, from);
    await new Promise((r) => setTimeout(r, 50));
    const frames = ws.frames.filter(isData('H0STCNT0')).map(splitDataFrame);
    expect(frames.some((f) => f.count > 1)).toBe(true);
    const records = frames.flatMap((f) => f.records);
    for (const r of records) {
      expect(r).toHaveLength(47);
      expect(r[0]).toBe('005930');
      expect(r[33]).toBe('20261123');
      expect(['1', '2', '3', '5']).toContain(r[46]);
    }
    const last = records[records.length - 1]!;
    const rest = await k.price('005930');
    expect(last[2]).toBe(rest.body.output.stck_prpr);
    expect(last[13]).toBe(rest.body.output.acml_vol);
  });

  it('legacy regime: H0STCNT0 46 fields, H0STASP0 59; 2026-09: H0STASP0 60, H0NXASP0 65, H0UNASP0 66', async () => {
    const { s, approval, ws } = await setup({ knobs: { regimeOverride: 'legacy' } });
    await ws.subscribe(approval, 'H0STCNT0', '005930');
    await ws.subscribe(approval, 'H0STASP0', '005930');
    const from = ws.frames.length;
    s.clock.advance(10_000);
    await ws.next(isData('H0STASP0'), 3000, from);
    await ws.next(isData('H0STCNT0'), 3000, from);
    for (const f of ws.frames.filter(isData('H0STCNT0'))) for (const r of splitDataFrame(f).records) expect(r).toHaveLength(46);
    for (const f of ws.frames.filter(isData('H0STASP0'))) for (const r of splitDataFrame(f).records) expect(r).toHaveLength(59);

    const n = await setup();
    await n.ws.subscribe(n.approval, 'H0STASP0', '005930');
    await n.ws.subscribe(n.approval, 'H0NXASP0', '005930');
    await n.ws.subscribe(n.approval, 'H0UNASP0', '005930');
    await n.ws.subscribe(n.approval, 'H0NXCNT0', '005930');
    const nFrom = n.ws.frames.length;
    n.s.clock.advance(30_000);
    await n.ws.next(isData('H0NXASP0'), 3000, nFrom);
    await n.ws.next(isData('H0UNASP0'), 3000, nFrom);
    await new Promise((r) => setTimeout(r, 50));
    const widths = (tr: string) => new Set(n.ws.frames.filter(isData(tr)).flatMap((f) => splitDataFrame(f).records.map((r) => r.length)));
    expect(widths('H0STASP0')).toEqual(new Set([60]));
    expect(widths('H0NXASP0')).toEqual(new Set([65]));
    expect(widths('H0UNASP0')).toEqual(new Set([66]));
    const book = n.s.exchange.book('005930', 'KRX')!;
    const lastAsp = splitDataFrame(n.ws.frames.filter(isData('H0STASP0')).at(-1)!).records.at(-1)!;
    expect(Number(lastAsp[3])).toBe(book.asks[0]!.price);
    expect(Number(lastAsp[13])).toBe(book.bids[0]!.price);
  });
});

describe('expected-match frames during the opening call', () => {
  it('H0STANC0 has 45 fields, H0UNANC0 46, with HOUR_CLS_CODE B before the open', async () => {
    const { k, approval, ws } = await setup({ clock: { start: '2026-11-23T08:40:00+09:00', speed: 0 } });
    await ws.subscribe(approval, 'H0STANC0', '005930');
    await ws.subscribe(approval, 'H0UNANC0', '005930');
    const from = ws.frames.length;
    expect((await k.order('buy', '005930', 10, 71000)).body.msg_cd).toBe('APBK0013');
    const st = splitDataFrame(await ws.next(isData('H0STANC0'), 3000, from)).records[0]!;
    const un = splitDataFrame(await ws.next(isData('H0UNANC0'), 3000, from)).records[0]!;
    expect(st).toHaveLength(45);
    expect(un).toHaveLength(46);
    expect(st[43]).toBe('B');
    const rest = (await k.book('005930')).body.output2;
    expect(st[2]).toBe(rest.antc_cnpr);
  });
});

describe('subscription codes and limits', () => {
  it('41 registrations across TRs are accepted, the 42nd is OPSP0008 MAX SUBSCRIBE OVER', async () => {
    const { s, approval, ws } = await setup();
    const codes = s.exchange.instruments().map((i) => i.code);
    let accepted = 0;
    for (let i = 0; accepted < 41; i++) {
      const tr = i % 2 === 0 ? 'H0STCNT0' : 'H0STASP0';
      const ack = await ws.subscribe(approval, tr, codes[Math.floor(i / 2)]!);
      expect(ack.body.msg_cd).toBe('OPSP0000');
      accepted++;
    }
    const over = await ws.subscribe(approval, 'H0STCNI0', s.htsId);
    expect(over.body).toEqual({ rt_cd: '1', msg_cd: 'OPSP0008', msg1: 'MAX SUBSCRIBE OVER' });
    // Freeing one slot makes room again.
    expect((await ws.subscribe(approval, 'H0STCNT0', codes[0]!, '2')).body.msg_cd).toBe('OPSP0001');
    expect((await ws.subscribe(approval, 'H0STCNI0', s.htsId)).body.msg_cd).toBe('OPSP0000');
  });

  it('answers duplicates, unknown unsubscribes, bad TRs, bad JSON, bad tr_type and bad approval keys', async () => {
    const { approval, ws } = await setup();
    expect((await ws.subscribe(approval, 'H0STCNT0', '005930')).body.msg_cd).toBe('OPSP0000');
    expect((await ws.subscribe(approval, 'H0STCNT0', '005930')).body).toEqual({ rt_cd: '1', msg_cd: 'OPSP0002', msg1: 'ALREADY IN SUBSCRIBE' });
    expect((await ws.subscribe(approval, 'H0STASP0', '005930', '2')).body.msg_cd).toBe('OPSP0003');
    expect((await ws.subscribe(approval, 'H0ZZZZZ0', '005930')).body.msg_cd).toBe('OPSP8991');
    expect((await ws.subscribe(approval, 'H0STCNT0', '12345X')).body.msg_cd).toBe('OPSP8992');
    expect((await ws.subscribe(approval, 'H0STCNT0', '000660', '0')).body).toEqual({ rt_cd: '1', msg_cd: 'OPSP8997', msg1: 'JSON PARSING ERROR : invalid tr_type' });
    const from = ws.frames.length;
    ws.send('{"header":');
    expect(JSON.parse(await ws.next((f) => f.startsWith('{'), 3000, from)).body.msg_cd).toBe('OPSP9999');
    expect((await ws.subscribe('00000000-0000-0000-0000-000000000000', 'H0STCNT0', '000660')).body.msg_cd).toBe('OPSP0011');
  });

  it('one session per appkey: the newer socket gets OPSP8996 and is closed, the older keeps streaming', async () => {
    const { s, approval, ws } = await setup();
    await ws.subscribe(approval, 'H0STCNT0', '005930');
    const second = await open(s);
    const refused = await second.subscribe(approval, 'H0STCNT0', '000660');
    expect(refused.body).toEqual({ rt_cd: '9', msg_cd: 'OPSP8996', msg1: 'ALREADY IN USE appkey' });
    await second.waitClose();
    expect(s.stats.wsSessions()).toBe(1);
    const from = ws.frames.length;
    s.clock.advance(5000);
    await ws.next(isData('H0STCNT0'), 3000, from);
    // Once the first session ends, a new one may bind.
    ws.close();
    await ws.waitClose();
    const third = await open(s);
    expect((await third.subscribe(approval, 'H0STCNT0', '005930')).body.msg_cd).toBe('OPSP0000');
    expect(s.stats.wsSessionsTotal()).toBe(2);
  });

  it('paper refuses NXT/UN realtime TRs with OPSP8991 and serves H0STCNI9', async () => {
    const { s, approval, ws } = await setup({ personality: 'paper', knobs: { ratePaper: 1000 } });
    expect((await ws.subscribe(approval, 'H0NXCNT0', '005930')).body.msg_cd).toBe('OPSP8991');
    expect((await ws.subscribe(approval, 'H0UNASP0', '005930')).body.msg_cd).toBe('OPSP8991');
    const ack = await ws.subscribe(approval, 'H0STCNI9', s.htsId);
    expect(ack.header.encrypt).toBe('Y');
  });
});

describe('execution notices', () => {
  it('H0STCNI0: acceptance then fill, AES-256-CBC with the ack key/iv, 26 fields, for every account of the HTS ID', async () => {
    const { s, k, approval, ws } = await setup();
    const ack = await ws.subscribe(approval, 'H0STCNI0', s.htsId);
    expect(ack.header).toEqual({ tr_id: 'H0STCNI0', tr_key: s.htsId, encrypt: 'Y' });
    expect(ack.body.output.key).toHaveLength(32);
    expect(ack.body.output.iv).toHaveLength(16);

    const from = ws.frames.length;
    const r = await k.order('buy', '005930', 3, 0, '01');
    const odno = r.body.output.ODNO as string;
    await ws.next(isNotice, 3000, from);
    await new Promise((res) => setTimeout(res, 30));
    const notices = ws.frames.slice(from).filter(isNotice).map((f) => noticeFields(f, ack));
    for (const n of notices) expect(n).toHaveLength(26);
    const accept = notices.find((n) => n[13] === '1')!;
    expect(accept).toBeDefined();
    expect(accept[0]).toBe(s.htsId); // CUST_ID
    expect(accept[1]).toBe(s.account.replace('-', '')); // ACNT_NO
    expect(accept[2]).toBe(odno); // ODER_NO
    expect(accept[4]).toBe('02'); // buy
    expect(accept[8]).toBe('005930');
    expect(accept[9]).toBe('3'); // acceptance: order qty
    expect(accept[15]).toBe(r.body.output.KRX_FWDG_ORD_ORGNO); // BRNC_NO
    expect(accept[16]).toBe('3'); // ODER_QTY
    expect(accept[19]).toBe('1'); // ORD_EXG_GB KRX
    expect(accept[24]).toBe('삼성전자');
    const fills = notices.filter((n) => n[13] === '2');
    expect(fills.length).toBeGreaterThan(0);
    expect(fills.reduce((q, n) => q + Number(n[9]), 0)).toBe(3);
    const ledgerFills = s.ledger().fills.filter((f) => f.orderNo === odno);
    expect(fills.map((n) => Number(n[10]))).toEqual(ledgerFills.map((f) => f.price));

    // The second account under the same HTS ID also notifies this subscription.
    const [cano, prdt] = DEMO_ACCOUNT_2.split('-');
    const { bid1 } = await k.book('035720');
    const from2 = ws.frames.length;
    const r2 = await k.post('trading/order-cash', 'TTTC0012U', { CANO: cano, ACNT_PRDT_CD: prdt, PDNO: '035720', ORD_DVSN: '00', ORD_QTY: '1', ORD_UNPR: String(bid1 - 500), EXCG_ID_DVSN_CD: 'KRX' });
    expect(r2.body.msg_cd).toBe('APBK0013');
    const other = noticeFields(await ws.next(isNotice, 3000, from2), ack);
    expect(other[1]).toBe(DEMO_ACCOUNT_2.replace('-', ''));
    expect(other[2]).toBe(r2.body.output.ODNO);
  });

  it('exchange refusal after acceptance (control refuse-next): APBK0013, then a notice with RFUS_YN=1', async () => {
    const { s, k, approval, ws } = await setup();
    const ack = await ws.subscribe(approval, 'H0STCNI0', s.htsId);
    const refuse = await fetch(`${s.rest}/__sim/refuse-next`, { method: 'POST' });
    expect(refuse.status).toBe(200);
    const from = ws.frames.length;
    const { bid1 } = await k.book('005930');
    const r = await k.order('buy', '005930', 2, bid1 - 500);
    expect(r.body.msg_cd).toBe('APBK0013');
    const n = noticeFields(await ws.next(isNotice, 3000, from), ack);
    expect(n[2]).toBe(r.body.output.ODNO);
    expect(n[12]).toBe('1'); // RFUS_YN
    expect(n[13]).toBe('1'); // CNTG_YN acceptance
    const ccld = await k.dailyCcld({ ODNO: r.body.output.ODNO });
    expect(ccld.body.output1[0]).toMatchObject({ rjct_qty: '2', rmn_qty: '0' });
  });

  it('an SOR market order reports its legs as ORD_EXG_GB 3/4; an IOC remainder is cancelled with ACPT_YN=3', async () => {
    const { s, k, approval, ws } = await setup();
    const ack = await ws.subscribe(approval, 'H0STCNI0', s.htsId);
    const from = ws.frames.length;
    const sor = await k.order('buy', '005930', 50, 0, '01', 'SOR');
    expect(sor.body.msg_cd).toBe('APBK0013');
    await ws.next(isNotice, 3000, from);
    await new Promise((res) => setTimeout(res, 50));
    const sorNotices = ws.frames.slice(from).filter(isNotice).map((f) => noticeFields(f, ack)).filter((n) => n[2] === sor.body.output.ODNO);
    const legs = new Set(sorNotices.filter((n) => n[13] === '2').map((n) => n[19]));
    expect([...legs].every((l) => l === '3' || l === '4')).toBe(true);
    expect(legs.size).toBeGreaterThan(0);
    // IOC limit at the best bid (does not cross): nothing fills, the whole quantity comes back ACPT_YN=3.
    const { bid1 } = await k.book('000660');
    const from2 = ws.frames.length;
    const ioc = await k.order('buy', '000660', 5, bid1, '11');
    expect(ioc.body.msg_cd).toBe('APBK0013');
    await ws.next((f) => isNotice(f) && noticeFields(f, ack)[14] === '3', 3000, from2);
    const cancelled = ws.frames.slice(from2).filter(isNotice).map((f) => noticeFields(f, ack)).find((n) => n[14] === '3')!;
    expect(cancelled[2]).toBe(ioc.body.output.ODNO);
    expect(cancelled[7]).toBe('1'); // ODER_COND IOC
  });

  it('duplicateNotices sends each notice twice', async () => {
    const { s, k, approval, ws } = await setup({ knobs: { duplicateNotices: true } });
    await ws.subscribe(approval, 'H0STCNI0', s.htsId);
    const from = ws.frames.length;
    const { bid1 } = await k.book('005930');
    await k.order('buy', '005930', 1, bid1 - 500);
    await ws.next(isNotice, 3000, from);
    await new Promise((res) => setTimeout(res, 30));
    const frames = ws.frames.slice(from).filter(isNotice);
    expect(frames).toHaveLength(2);
    expect(frames[0]).toBe(frames[1]);
  });

  it('notices raised while the socket is down are lost (REST still shows the order); knob keeps them', async () => {
    const { s, k, approval, ws } = await setup();
    await ws.subscribe(approval, 'H0STCNI0', s.htsId);
    ws.close();
    await ws.waitClose();
    const { bid1 } = await k.book('005930');
    const lost = await k.order('buy', '005930', 1, bid1 - 500);
    const again = await open(s);
    await again.subscribe(approval, 'H0STCNI0', s.htsId);
    await new Promise((res) => setTimeout(res, 50));
    expect(again.frames.filter(isNotice)).toHaveLength(0);
    const ccld = await k.dailyCcld({ ODNO: lost.body.output.ODNO });
    expect(ccld.body.output1).toHaveLength(1);

    s.knobs.set({ loseNoticesWhileDisconnected: false });
    again.close();
    await again.waitClose();
    const kept = await k.order('buy', '005930', 1, bid1 - 600);
    const third = await open(s);
    const ack = await third.subscribe(approval, 'H0STCNI0', s.htsId);
    const n = noticeFields(await third.next(isNotice), ack);
    expect(n[2]).toBe(kept.body.output.ODNO);
  });
});

describe('heartbeat and socket faults', () => {
  it('sends PINGPONG on schedule; a silent client is dropped after dropIfNoPongMs, an echoing one stays', async () => {
    const { s, approval, ws } = await setup({ knobs: { pingIntervalMs: 100, dropIfNoPongMs: 600 } });
    await ws.subscribe(approval, 'H0STCNT0', '005930');
    const ping = JSON.parse(await ws.next((f) => f.includes('PINGPONG')));
    expect(ping).toEqual({ header: { tr_id: 'PINGPONG', datetime: '20261123100000' } });
    const echoing = await open(s);
    echoing.ws.on('message', (d) => {
      const t = d.toString();
      if (t.includes('PINGPONG')) echoing.ws.send(t);
    });
    const pong = await open(s);
    pong.ws.on('message', (d) => {
      if (d.toString().includes('PINGPONG')) pong.ws.pong(d.toString());
    });
    await ws.waitClose(3000);
    await new Promise((res) => setTimeout(res, 700));
    expect(echoing.closed).toBeNull();
    expect(pong.closed).toBeNull();
  });

  it('suppressPingpong stops the heartbeat', async () => {
    const { ws } = await setup({ knobs: { pingIntervalMs: 50, suppressPingpong: true } });
    await new Promise((res) => setTimeout(res, 250));
    expect(ws.frames.filter((f) => f.includes('PINGPONG'))).toHaveLength(0);
  });

  it('wsDrop after N data frames: with a close frame (1001) or by cutting the TCP connection (1006)', async () => {
    const a = await setup({ knobs: { wsDrop: { afterFrames: 2, withClose: true } } });
    await a.ws.subscribe(a.approval, 'H0STCNT0', '005930');
    await a.ws.subscribe(a.approval, 'H0STASP0', '005930');
    a.s.clock.advance(10_000);
    expect((await a.ws.waitClose()).code).toBe(1001);
    expect(a.ws.frames.filter((f) => f.startsWith('0|'))).toHaveLength(2);
    expect(a.s.knobs.get().wsDrop).toBeNull();

    const b = await setup();
    await b.ws.subscribe(b.approval, 'H0STCNT0', '005930');
    b.s.knobs.set({ wsDrop: { atMs: b.s.clock.now() + 1000, withClose: false } });
    b.s.clock.advance(999);
    await new Promise((res) => setTimeout(res, 60));
    expect(b.ws.closed).toBeNull();
    b.s.clock.advance(1);
    expect((await b.ws.waitClose()).code).toBe(1006);
  });
});
