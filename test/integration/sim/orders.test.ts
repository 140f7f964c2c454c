import { afterEach, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../../src/sim/handle';
import { Kis, startTestSim } from './kis';

let sims: SimHandle[] = [];
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
});
async function connect(opts: Parameters<typeof startTestSim>[0] = {}): Promise<{ s: SimHandle; k: Kis }> {
  const s = await startTestSim(opts);
  sims.push(s);
  return { s, k: await Kis.connect(s) };
}

describe('order-cash', () => {
  it('accepts a resting limit buy: APBK0013 with UPPERCASE output, booked in the ledger', async () => {
    const { s, k } = await connect();
    const { bid1 } = await k.book('005930');
    const r = await k.order('buy', '005930', 10, bid1 - 500);
    expect(r.status).toBe(200);
    expect(r.body.rt_cd).toBe('0');
    expect(r.body.msg_cd).toBe('APBK0013');
    expect(r.body.msg1).toBe('주문 전송 완료 되었습니다.');
    expect(Object.keys(r.body.output)).toEqual(['KRX_FWDG_ORD_ORGNO', 'ODNO', 'ORD_TMD']);
    expect(r.body.output.ODNO).toMatch(/^\d{10}$/);
    expect(r.body.output.KRX_FWDG_ORD_ORGNO).toMatch(/^\d{5}$/);
    expect(r.body.output.ORD_TMD).toBe('100000');
    const ledger = s.ledger();
    const rec = ledger.orders.find((o) => o.orderNo === r.body.output.ODNO);
    expect(rec).toMatchObject({ symbol: '005930', side: 'buy', qty: 10, price: bid1 - 500, state: 'open', remainingQty: 10 });
    expect(s.stats.orderRequests()).toBe(1);
  });

  it('fills a marketable buy and shows it in balance and daily-ccld', async () => {
    const { s, k } = await connect();
    const before = s.ledger().positions.find((p) => p.symbol === '005930')!.qty;
    const r = await k.order('buy', '005930', 7, 0, '01');
    expect(r.body.rt_cd).toBe('0');
    const pos = s.ledger().positions.find((p) => p.symbol === '005930')!;
    expect(pos.qty).toBe(before + 7);
    const bal = await k.balance();
    const row = bal.body.output1.find((x: { pdno: string }) => x.pdno === '005930');
    expect(row.hldg_qty).toBe(String(before + 7));
    expect(row.thdt_buyqty).toBe('7');
    const ccld = await k.dailyCcld({ ODNO: r.body.output.ODNO });
    expect(ccld.body.output1).toHaveLength(1);
    expect(ccld.body.output1[0]).toMatchObject({ odno: r.body.output.ODNO, tot_ccld_qty: '7', rmn_qty: '0', ord_dvsn_cd: '01', sll_buy_dvsn_cd: '02' });
  });

  it('accepts the deprecated TR IDs unless rejectDeprecatedTr', async () => {
    const { s, k } = await connect();
    const { bid1 } = await k.book('005930');
    const body = { ...k.account(), PDNO: '005930', ORD_DVSN: '00', ORD_QTY: '1', ORD_UNPR: String(bid1 - 1000), EXCG_ID_DVSN_CD: '' };
    expect((await k.post('trading/order-cash', 'TTTC0802U', body)).body.msg_cd).toBe('APBK0013');
    s.knobs.set({ rejectDeprecatedTr: true });
    const r = await k.post('trading/order-cash', 'TTTC0802U', body);
    expect(r.status).toBe(500);
    expect(r.body.msg_cd).toBe('EGW00206');
  });

  it('refuses non-string numbers in the body as an OPSQ2002 input error (HTTP 200, rt_cd "1")', async () => {
    const { k } = await connect();
    const r = await k.post('trading/order-cash', 'TTTC0012U', { ...k.account(), PDNO: '005930', ORD_DVSN: '00', ORD_QTY: 1, ORD_UNPR: '70000' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ rt_cd: '1', msg_cd: 'OPSQ2002', msg1: 'INPUT INVALID_CHECK_FIELD_LENGTH' });
  });

  it.each([
    ['an unknown symbol', () => ['buy', '999999', 1, 70000] as const, 'APBK0656'],
    ['an off-tick price', () => ['buy', '005930', 1, 70050] as const, 'SIMV0001'],
    ['a price above the band', () => ['buy', '005930', 1, 99000] as const, 'SIMV0002'],
  ])('rejects %s with rt_cd "7" HTTP 200', async (_name, args, code) => {
    const { s, k } = await connect();
    const [side, sym, qty, price] = args();
    const r = await k.order(side, sym, qty, price);
    expect(r.status).toBe(200);
    expect(r.body.rt_cd).toBe('7');
    expect(r.body.msg_cd).toBe(code);
    expect(s.ledger().orders).toHaveLength(0);
  });

  it('rejects a market order on NXT, a bad account, and insufficient cash (APBK0952)', async () => {
    const { s, k } = await connect();
    expect((await k.order('buy', '005930', 1, 0, '01', 'NXT')).body.msg_cd).toBe('SIMV0003');
    const bad = await k.post('trading/order-cash', 'TTTC0012U', { CANO: '99999999', ACNT_PRDT_CD: '01', PDNO: '005930', ORD_DVSN: '00', ORD_QTY: '1', ORD_UNPR: '70000' });
    expect(bad.body).toMatchObject({ rt_cd: '7', msg_cd: 'APAC0081' });
    s.exchange.control.setCash(s.account, 100_000);
    const poor = await k.order('buy', '005930', 10, 70000);
    expect(poor.status).toBe(200);
    expect(poor.body).toMatchObject({ rt_cd: '7', msg_cd: 'APBK0952' });
    expect(poor.body.msg1).toContain('주문가능금액');
  });

  it('rejects orders outside the session with APBK0918', async () => {
    const { s, k } = await connect();
    s.clock.set('2026-11-23T21:00:00+09:00');
    const r = await k.order('buy', '005930', 1, 70000);
    expect(r.body).toMatchObject({ rt_cd: '7', msg_cd: 'APBK0918' });
  });
});

describe('order-rvsecncl', () => {
  it('modifies a resting order (new ODNO) and cancels the remainder; filled orders cannot be cancelled', async () => {
    const { s, k } = await connect();
    const { bid1 } = await k.book('005930');
    const placed = await k.order('buy', '005930', 10, bid1 - 500);
    const odno = placed.body.output.ODNO as string;
    const modify = await k.post('trading/order-rvsecncl', 'TTTC0013U', {
      ...k.account(), KRX_FWDG_ORD_ORGNO: placed.body.output.KRX_FWDG_ORD_ORGNO, ORGN_ODNO: odno, ORD_DVSN: '00',
      RVSE_CNCL_DVSN_CD: '01', ORD_QTY: '0', ORD_UNPR: String(bid1 - 600), QTY_ALL_ORD_YN: 'Y', EXCG_ID_DVSN_CD: 'KRX',
    });
    expect(modify.body.msg_cd).toBe('APBK0013');
    const newNo = modify.body.output.ODNO as string;
    expect(newNo).not.toBe(odno);
    const cancel = await k.post('trading/order-rvsecncl', 'TTTC0013U', {
      ...k.account(), KRX_FWDG_ORD_ORGNO: '', ORGN_ODNO: newNo, ORD_DVSN: '00',
      RVSE_CNCL_DVSN_CD: '02', ORD_QTY: '0', ORD_UNPR: '0', QTY_ALL_ORD_YN: 'Y', EXCG_ID_DVSN_CD: 'KRX',
    });
    expect(cancel.body.msg_cd).toBe('APBK0013');
    expect(s.exchange.openOrders(s.account)).toHaveLength(0);
    const filled = await k.order('buy', '005930', 1, 0, '01');
    const again = await k.post('trading/order-rvsecncl', 'TTTC0013U', {
      ...k.account(), KRX_FWDG_ORD_ORGNO: '', ORGN_ODNO: filled.body.output.ODNO, ORD_DVSN: '00',
      RVSE_CNCL_DVSN_CD: '02', ORD_QTY: '0', ORD_UNPR: '0', QTY_ALL_ORD_YN: 'Y',
    });
    expect(again.body).toMatchObject({ rt_cd: '7', msg_cd: 'SIMV0005' });
  });

  it('with requireOrgno a blank KRX_FWDG_ORD_ORGNO is refused', async () => {
    const { k } = await connect({ knobs: { requireOrgno: true } });
    const { bid1 } = await k.book('005930');
    const placed = await k.order('buy', '005930', 1, bid1 - 500);
    const r = await k.post('trading/order-rvsecncl', 'TTTC0013U', {
      ...k.account(), KRX_FWDG_ORD_ORGNO: '', ORGN_ODNO: placed.body.output.ODNO, ORD_DVSN: '00',
      RVSE_CNCL_DVSN_CD: '02', ORD_QTY: '0', ORD_UNPR: '0', QTY_ALL_ORD_YN: 'Y',
    });
    expect(r.body.msg_cd).toBe('SIMV0005');
  });
});

describe('paper personality', () => {
  it('uses V TRs, KRX only, paper codes; real-only TRs fail with EGW00213', async () => {
    const { s, k } = await connect({ personality: 'paper', knobs: { ratePaper: 1000 } });
    const { bid1 } = await k.book('005930');
    expect((await k.order('buy', '005930', 1, bid1 - 500)).body.msg_cd).toBe('APBK0013');
    expect((await k.order('buy', '005930', 1, bid1 - 500, '00', 'NXT')).body.msg_cd).toBe('SIMV0004');
    const realTr = await k.post('trading/order-cash', 'TTTC0012U', { ...k.account(), PDNO: '005930', ORD_DVSN: '00', ORD_QTY: '1', ORD_UNPR: String(bid1) });
    expect(realTr).toMatchObject({ status: 500, body: { rt_cd: '1', msg_cd: 'EGW00213', msg1: '모의투자 tr이 아닙니다.' } });
    const open = await k.get('trading/inquire-psbl-rvsecncl', 'TTTC0084R', { ...k.account(), INQR_DVSN_1: '0', INQR_DVSN_2: '0', CTX_AREA_FK100: '', CTX_AREA_NK100: '' });
    expect(open.body.msg_cd).toBe('EGW00213');
    s.exchange.control.setCash(s.account, 1000);
    expect((await k.order('buy', '005930', 10, bid1)).body).toMatchObject({ rt_cd: '7', msg_cd: '40310000' });
    const nx = await k.price('005930', 'NX');
    expect(nx.body).toEqual({ rt_cd: '1', msg_cd: 'OPSQ2001', msg1: 'INPUT INVALID_CHECK_MRKT_DIV_CODE' });
    s.knobs.set({ paperAllowNxQuotes: true });
    expect((await k.price('005930', 'NX')).body.rt_cd).toBe('0');
    const chk = await k.get('quotations/chk-holiday', 'CTCA0903R', { BASS_DT: '20261123', CTX_AREA_NK: '', CTX_AREA_FK: '' });
    expect(chk.body.msg_cd).toBe('EGW00213');
  });
});
