import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../../src/sim/handle';
import { UNIVERSE, type InstrumentFixture } from '../../../src/sim/fixtures/universe';
import { Kis, startTestSim } from './kis';

/** 60 extra small caps so one account can hold more than a 50-row page. */
const EXTRA: InstrumentFixture[] = Array.from({ length: 60 }, (_, i) => ({
  code: String(900100 + i),
  name: `시뮬종목${i}`,
  nameEn: `Sim ${i}`,
  market: 'KOSDAQ',
  etp: false,
  nxtEligible: false,
  prevClose: 10_000 + i * 10,
  listedShares: 10_000_000,
  sector: '기타',
  liquidity: 0.1,
  dailyVol: 0.02,
}));

async function control(s: SimHandle, path: string, body: unknown): Promise<Record<string, unknown>> {
  const r = await fetch(`${s.rest}/__sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const j = (await r.json()) as Record<string, unknown>;
  if (r.status !== 200) throw new Error(JSON.stringify(j));
  return j;
}

describe('account queries (real)', () => {
  let s: SimHandle;
  let k: Kis;
  beforeAll(async () => {
    // Rate limits have their own tests; here they would only pace the calls.
    s = await startTestSim({ universe: [...UNIVERSE, ...EXTRA], knobs: { rateReal: 1000 } });
    k = await Kis.connect(s);
    for (const fx of EXTRA) await control(s, 'position', { symbol: fx.code, qty: 3, avgPrice: fx.prevClose });
  });
  afterAll(() => s.close());

  it('pages inquire-balance 50 a page with tr_cont F→E and right-padded cursors; output2 on every page', async () => {
    const expected = s.ledger().positions.length;
    expect(expected).toBeGreaterThan(50);
    const pages = await k.allPages((headers, cursor) => k.balance(cursor, headers));
    expect(pages.map((p) => p.headers.get('tr_cont'))).toEqual(['F', 'E']);
    expect(pages[0]!.body.output1).toHaveLength(50);
    expect(pages[0]!.body.msg_cd).toBe('KIOK0500');
    expect(pages[1]!.body.msg_cd).toBe('KIOK0510');
    expect(pages[1]!.body.msg1.endsWith(' ')).toBe(true);
    expect(pages[0]!.body.ctx_area_fk100).toHaveLength(100);
    expect(pages[0]!.body.ctx_area_nk100).toHaveLength(100);
    const symbols = pages.flatMap((p) => p.body.output1.map((r: { pdno: string }) => r.pdno));
    expect(new Set(symbols).size).toBe(expected);
    for (const p of pages) {
      expect(Array.isArray(p.body.output2)).toBe(true);
      expect(p.body.output2).toHaveLength(1);
    }
    // Cursors are accepted trimmed too; without tr_cont N the cursor restarts at page 1.
    const trimmed = await k.balance({ CTX_AREA_FK100: pages[0]!.body.ctx_area_fk100.trim(), CTX_AREA_NK100: pages[0]!.body.ctx_area_nk100.trim() }, { tr_cont: 'N' });
    expect(trimmed.body.output1[0].pdno).toBe(pages[1]!.body.output1[0].pdno);
    const restart = await k.balance({ CTX_AREA_FK100: pages[0]!.body.ctx_area_fk100, CTX_AREA_NK100: pages[0]!.body.ctx_area_nk100 });
    expect(restart.body.output1[0].pdno).toBe(pages[0]!.body.output1[0].pdno);
  });

  it('values positions consistently: evlu = qty × prpr, P&L = evlu − cost, sums in output2; every value a string', async () => {
    const b = await k.balance();
    const ledger = s.ledger();
    let value = 0;
    let cost = 0;
    for (const row of b.body.output1 as Array<Record<string, string>>) {
      for (const v of Object.values(row)) expect(typeof v).toBe('string');
      expect(Number(row.evlu_amt)).toBe(Number(row.hldg_qty) * Number(row.prpr));
      expect(Number(row.evlu_pfls_amt)).toBe(Number(row.evlu_amt) - Number(row.pchs_amt));
      const quote = s.exchange.quote(row.pdno!, 'KRX')!;
      expect(Number(row.prpr)).toBe(quote.last);
    }
    const all = await k.allPages((headers, cursor) => k.balance(cursor, headers));
    for (const p of all) for (const row of p.body.output1) {
      value += Number(row.evlu_amt);
      cost += Number(row.pchs_amt);
    }
    const sum = b.body.output2[0];
    expect(Number(sum.scts_evlu_amt)).toBe(value);
    expect(Number(sum.pchs_amt_smtl_amt)).toBe(cost);
    expect(Number(sum.dnca_tot_amt)).toBe(ledger.cash);
    expect(Number(sum.tot_evlu_amt)).toBe(value + ledger.cashD2);
  });

  it('AFHR_FLPR_YN=X values NXT-eligible positions at the NXT price', async () => {
    const b = await k.balance({ AFHR_FLPR_YN: 'X' });
    const row = b.body.output1.find((r: { pdno: string }) => r.pdno === '005930');
    expect(Number(row.prpr)).toBe(s.exchange.quote('005930', 'NXT')!.last);
  });

  it('inquire-psbl-order: orderable cash, no-credit max qty, a market buy priced at the upper limit', async () => {
    const limit = await k.get('trading/inquire-psbl-order', 'TTTC8908R', { ...k.account(), PDNO: '005930', ORD_UNPR: '70000', ORD_DVSN: '00', CMA_EVLU_AMT_ICLD_YN: 'N', OVRS_ICLD_YN: 'N' });
    expect(limit.body.msg_cd).toBe('KIOK0510');
    const o = limit.body.output;
    expect(Number(o.psbl_qty_calc_unpr)).toBe(70000);
    expect(Number(o.nrcvb_buy_qty)).toBe(s.exchange.buyingPower(s.account, '005930', 70000, '00').maxQtyNoCredit);
    expect(Number(o.ord_psbl_cash)).toBeGreaterThan(0);
    const market = await k.get('trading/inquire-psbl-order', 'TTTC8908R', { ...k.account(), PDNO: '005930', ORD_UNPR: '', ORD_DVSN: '01', CMA_EVLU_AMT_ICLD_YN: 'N', OVRS_ICLD_YN: 'N' });
    expect(Number(market.body.output.psbl_qty_calc_unpr)).toBe(s.exchange.instrument('005930')!.upperLimit);
    const bad = await k.get('trading/inquire-psbl-order', 'TTTC8908R', { CANO: '12', ACNT_PRDT_CD: '01', PDNO: '005930', ORD_UNPR: '', ORD_DVSN: '01' });
    expect(bad.body).toEqual({ rt_cd: '1', msg_cd: 'OPSQ2000', msg1: 'INPUT INVALID_CHECK_ACNO' });
  });

  it('inquire-psbl-rvsecncl lists open orders with psbl_qty, paged at 50, filtered by side', async () => {
    const { bid1, ask1 } = await k.book('000660');
    for (let i = 0; i < 52; i++) {
      const r = i < 50 ? await k.order('buy', '000660', 1, bid1 - 1000) : await k.order('sell', '000660', 1, ask1 + 1000);
      expect(r.body.msg_cd).toBe('APBK0013');
    }
    const pages = await k.allPages((headers, cursor) =>
      k.get('trading/inquire-psbl-rvsecncl', 'TTTC0084R', { ...k.account(), INQR_DVSN_1: '0', INQR_DVSN_2: '0', CTX_AREA_FK100: '', CTX_AREA_NK100: '', ...cursor }, headers),
    );
    expect(pages.map((p) => p.body.output.length)).toEqual([50, 2]);
    expect(pages[0]!.body.output[0]).toMatchObject({ pdno: '000660', sll_buy_dvsn_cd: '02', psbl_qty: '1', excg_id_dvsn_cd: 'KRX', ord_dvsn_cd: '00' });
    const sells = await k.get('trading/inquire-psbl-rvsecncl', 'TTTC8036R', { ...k.account(), INQR_DVSN_1: '0', INQR_DVSN_2: '1', CTX_AREA_FK100: '', CTX_AREA_NK100: '' });
    expect(sells.body.output).toHaveLength(2);
  });

  it('inquire-daily-ccld: filters, order, output2 totals and the spec spellings (knob altSpellings)', async () => {
    const all = await k.dailyCcld();
    expect(all.body.output1.length).toBeGreaterThanOrEqual(52);
    const row = all.body.output1[0];
    expect(Object.keys(row)).toContain('excg_id_dvsn_Cd');
    expect(Object.keys(row)).toContain('cnc_cfrm_qty');
    expect(Array.isArray(all.body.output2)).toBe(false);
    expect(Number(all.body.output2.tot_ord_qty)).toBe(all.body.output1.reduce((n: number, r: { ord_qty: string }) => n + Number(r.ord_qty), 0));
    const nos = all.body.output1.map((r: { odno: string }) => r.odno);
    expect([...nos].sort().reverse()).toEqual(nos); // INQR_DVSN 00 = newest first
    const asc = await k.dailyCcld({ INQR_DVSN: '01' });
    expect(asc.body.output1[0].odno).toBe(nos[nos.length - 1]);
    const sells = await k.dailyCcld({ SLL_BUY_DVSN_CD: '01' });
    expect(sells.body.output1.every((r: { sll_buy_dvsn_cd: string }) => r.sll_buy_dvsn_cd === '01')).toBe(true);
    const open = await k.dailyCcld({ CCLD_DVSN: '02' });
    expect(open.body.output1.every((r: { rmn_qty: string }) => Number(r.rmn_qty) > 0)).toBe(true);
    const nxt = await k.dailyCcld({ EXCG_ID_DVSN_CD: 'NXT' });
    expect(nxt.body.output1).toHaveLength(0);
    s.knobs.set({ altSpellings: true });
    const alt = await k.dailyCcld({ PDNO: '000660' });
    expect(Object.keys(alt.body.output1[0])).toContain('cncl_cfrm_qty');
    s.knobs.set({ altSpellings: false });
  });
});

describe('quotations (real)', () => {
  let s: SimHandle;
  let k: Kis;
  beforeAll(async () => {
    s = await startTestSim({ knobs: { rateReal: 1000 } });
    k = await Kis.connect(s);
  });
  afterAll(() => s.close());

  it('inquire-price matches the exchange quote; query keys are case-insensitive; NX/UN served', async () => {
    const q = s.exchange.quote('005930', 'KRX')!;
    const r = await k.get('quotations/inquire-price', 'FHKST01010100', { fid_cond_mrkt_div_code: 'J', fid_input_iscd: '005930' });
    expect(r.body.msg_cd).toBe('MCA00000');
    const o = r.body.output;
    expect(Number(o.stck_prpr)).toBe(q.last);
    expect(Number(o.acml_vol)).toBe(q.volume);
    expect(o.prdy_vrss_sign).toBe(q.sign);
    expect(Number(o.stck_mxpr)).toBe(s.exchange.instrument('005930')!.upperLimit);
    expect(o.aspr_unit).toBe('100');
    for (const v of Object.values(o)) expect(typeof v).toBe('string');
    expect(Number((await k.price('005930', 'NX')).body.output.stck_prpr)).toBe(s.exchange.quote('005930', 'NXT')!.last);
    expect((await k.price('005930', 'UN')).body.rt_cd).toBe('0');
    expect((await k.price('005930', 'Q')).body.msg_cd).toBe('OPSQ2001');
    expect((await k.price('033780', 'NX')).body.msg_cd).toBe('APBK0656'); // KT&G is not NXT-listed
    expect((await k.price('069500')).body.output.aspr_unit).toBe('5'); // ETF tick
  });

  it('asking price: 10 levels each side, same as the exchange book', async () => {
    const b = s.exchange.book('005930', 'KRX')!;
    const r = await k.book('005930');
    expect(r.ask1).toBe(b.asks[0]!.price);
    expect(r.bid1).toBe(b.bids[0]!.price);
    expect(Number(r.body.output1.total_askp_rsqn)).toBe(b.totalAskQty);
    expect(r.body.output1).toHaveProperty('askp10');
    expect(r.body.output1).toHaveProperty('bidp_rsqn10');
    expect(r.body.output2).toHaveProperty('antc_cnpr');
  });

  it('daily chart: at most 100 rows, newest first; minute chart: 30 rows of today stepping back from the hour', async () => {
    const d = await k.get('quotations/inquire-daily-itemchartprice', 'FHKST03010100', { FID_COND_MRKT_DIV_CODE: 'J', FID_INPUT_ISCD: '005930', FID_INPUT_DATE_1: '20250101', FID_INPUT_DATE_2: '20261123', FID_PERIOD_DIV_CODE: 'D', FID_ORG_ADJ_PRC: '0' });
    const rows = d.body.output2 as Array<{ stck_bsop_date: string }>;
    expect(rows).toHaveLength(100);
    expect(rows[0]!.stck_bsop_date).toBe('20261123');
    expect(rows.map((r) => r.stck_bsop_date)).toEqual([...rows.map((r) => r.stck_bsop_date)].sort().reverse());
    expect(d.body.output1.hts_kor_isnm).toBe('삼성전자');
    const w = await k.get('quotations/inquire-daily-itemchartprice', 'FHKST03010100', { FID_COND_MRKT_DIV_CODE: 'J', FID_INPUT_ISCD: '005930', FID_INPUT_DATE_1: '20260101', FID_INPUT_DATE_2: '20261123', FID_PERIOD_DIV_CODE: 'W', FID_ORG_ADJ_PRC: '0' });
    expect(w.body.output2.length).toBeLessThan(60);
    const m = await k.get('quotations/inquire-time-itemchartprice', 'FHKST03010200', { FID_COND_MRKT_DIV_CODE: 'J', FID_INPUT_ISCD: '005930', FID_INPUT_HOUR_1: '093000', FID_PW_DATA_INCU_YN: 'N', FID_ETC_CLS_CODE: '' });
    const bars = m.body.output2 as Array<{ stck_cntg_hour: string; stck_bsop_date: string }>;
    expect(bars).toHaveLength(30);
    expect(bars[0]!.stck_cntg_hour <= '093000').toBe(true);
    expect(bars.every((b) => b.stck_bsop_date === '20261123')).toBe(true);
    const future = await k.get('quotations/inquire-time-itemchartprice', 'FHKST03010200', { FID_COND_MRKT_DIV_CODE: 'J', FID_INPUT_ISCD: '005930', FID_INPUT_HOUR_1: '150000', FID_PW_DATA_INCU_YN: 'N', FID_ETC_CLS_CODE: '' });
    expect(future.body.output2[0].stck_cntg_hour <= '100000').toBe(true);
  });

  it('chk-holiday pages with CTX_AREA_FK/NK; search-stock-info answers NXT eligibility', async () => {
    const pages = await k.allPages(
      (headers, cursor) => k.get('quotations/chk-holiday', 'CTCA0903R', { BASS_DT: '20261123', CTX_AREA_NK: '', CTX_AREA_FK: '', ...cursor }, headers),
      'CTX_AREA_FK',
      'CTX_AREA_NK',
    );
    expect(pages.length).toBe(2);
    const days = pages.flatMap((p) => p.body.output);
    expect(days[0]).toEqual({ bass_dt: '20261123', wday_dvsn_cd: '02', bzdy_yn: 'Y', tr_day_yn: 'Y', opnd_yn: 'Y', sttl_day_yn: 'Y' });
    expect(days.find((d: { bass_dt: string }) => d.bass_dt === '20261128')).toMatchObject({ wday_dvsn_cd: '07', opnd_yn: 'N' });
    expect(days.find((d: { bass_dt: string }) => d.bass_dt === '20261225')).toMatchObject({ opnd_yn: 'N' });
    const info = await k.get('quotations/search-stock-info', 'CTPF1002R', { PRDT_TYPE_CD: '300', PDNO: '005930' });
    expect(info.body.output).toMatchObject({ pdno: '005930', cptt_trad_tr_psbl_yn: 'Y', nxt_tr_stop_yn: 'N', tr_stop_yn: 'N', prdt_abrv_name: '삼성전자' });
    const kt = await k.get('quotations/search-stock-info', 'CTPF1002R', { PRDT_TYPE_CD: '300', PDNO: '033780' });
    expect(kt.body.output.cptt_trad_tr_psbl_yn).toBe('N');
  });
});

describe('paper paging', () => {
  it('pages balance at 20 and daily-ccld at 15 rows, and answers an empty day with 70070000', async () => {
    const s = await startTestSim({ personality: 'paper', knobs: { ratePaper: 1000 }, universe: [...UNIVERSE, ...EXTRA] });
    try {
      const k = await Kis.connect(s);
      const empty = await k.dailyCcld();
      expect(empty.body).toMatchObject({ rt_cd: '0', msg_cd: '70070000', msg1: '모의투자 조회할 내역(자료)이 없습니다.', output1: [] });
      for (const fx of EXTRA.slice(0, 20)) await control(s, 'position', { symbol: fx.code, qty: 1, avgPrice: fx.prevClose });
      const n = s.ledger().positions.length;
      const pages = await k.allPages((headers, cursor) => k.balance(cursor, headers));
      expect(pages.map((p) => p.body.output1.length)).toEqual([20, n - 20]);
      const { bid1 } = await k.book('005930');
      for (let i = 0; i < 16; i++) expect((await k.order('buy', '005930', 1, bid1 - 1000)).body.msg_cd).toBe('APBK0013');
      const ccld = await k.allPages((headers, cursor) => k.dailyCcld(cursor, headers));
      expect(ccld.map((p) => p.body.output1.length)).toEqual([15, 1]);
      expect(ccld.map((p) => p.headers.get('tr_cont'))).toEqual(['F', 'E']);
    } finally {
      await s.close();
    }
  });
});
