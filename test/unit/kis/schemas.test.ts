import { describe, expect, it } from 'vitest';
import { KisBadResponseError } from '../../../src/main/kis/errors';
import { balancePageSchema, dailyOrdersPageSchema, orderableCashSchema } from '../../../src/main/kis/schemas/account';
import { dec, int, intOr0 } from '../../../src/main/kis/schemas/fields';
import { orderAckSchema } from '../../../src/main/kis/schemas/orders';
import { parseKis } from '../../../src/main/kis/schemas/parse';
import { dailyChartSchema, orderBookSchema, quoteSchema } from '../../../src/main/kis/schemas/quotes';
import { lowercaseOutputs } from '../../../src/main/kis/rest/envelope';

const holdingRow = (over: Record<string, string> = {}) => ({
  pdno: '005930',
  prdt_name: '삼성전자',
  hldg_qty: '10',
  ord_psbl_qty: '7',
  pchs_avg_pric: '71933.3333',
  pchs_amt: '719333',
  prpr: '72000',
  evlu_amt: '720000',
  evlu_pfls_amt: '667',
  evlu_pfls_rt: '0.09',
  fltt_rt: '-0.14',
  bfdy_cprs_icdc: '-100',
  thdt_buyqty: '3',
  thdt_sll_qty: '0',
  bfdy_buy_qty: '0',
  bfdy_sll_qty: '0',
  ...over,
});
const summaryRow = (over: Record<string, string> = {}) => ({
  dnca_tot_amt: '10000000',
  nxdy_excc_amt: '9800000',
  prvs_rcdl_excc_amt: '9780000',
  scts_evlu_amt: '720000',
  tot_evlu_amt: '10500000',
  pchs_amt_smtl_amt: '719333',
  evlu_amt_smtl_amt: '720000',
  evlu_pfls_smtl_amt: '667',
  thdt_buy_amt: '215800',
  thdt_sll_amt: '0',
  thdt_tlex_amt: '30',
  nass_amt: '10500000',
  bfdy_tot_asst_evlu_amt: '10400000',
  asst_icdc_amt: '100000',
  ...over,
});

describe('wire number coercion', () => {
  it('turns integer strings (padded, signed, zero-fraction) into safe integers', () => {
    expect(int.parse('71900')).toBe(71900);
    expect(int.parse('00071900')).toBe(71900);
    expect(int.parse('-100')).toBe(-100);
    expect(int.parse(' 5 ')).toBe(5);
    expect(int.parse('71900.0000')).toBe(71900);
    expect(Object.is(int.parse('-0'), 0)).toBe(true);
  });
  it('refuses fractional, empty, non-numeric and unsafe money', () => {
    for (const bad of ['71900.5', '', 'abc', '1e3', '99999999999999999999']) expect(int.safeParse(bad).success).toBe(false);
    expect(int.safeParse(71900).success).toBe(false); // a JSON number where KIS sends strings
  });
  it('blank-tolerant integers default to 0 only when blank or absent', () => {
    expect(intOr0.parse('')).toBe(0);
    expect(intOr0.parse(undefined)).toBe(0);
    expect(intOr0.parse('12')).toBe(12);
    expect(intOr0.safeParse('x').success).toBe(false);
  });
  it('rates stay decimals', () => {
    expect(dec.parse('-0.14')).toBe(-0.14);
    expect(dec.parse('20.28')).toBe(20.28);
    expect(dec.safeParse('-').success).toBe(false);
  });
});

describe('balance page schema', () => {
  it('maps holdings and the summary to domain fields, tolerating unknown keys', () => {
    const page = parseKis(
      balancePageSchema,
      { output1: [{ ...holdingRow(), loan_dt: '', sbst_pric: '0', brand_new_key: 'x' }], output2: [{ ...summaryRow(), cma_evlu_amt: '0' }] },
      'TTTC8434R',
    );
    expect(page.output1[0]).toEqual({
      symbol: '005930',
      name: '삼성전자',
      qty: 10,
      sellableQty: 7,
      avgPrice: 71933.3333,
      cost: 719333,
      lastPrice: 72000,
      value: 720000,
      pnl: 667,
      pnlRate: 0.09,
      dayChangeRate: -0.14,
      dayChange: -100,
      todayBuyQty: 3,
      todaySellQty: 0,
      prevDayBuyQty: 0,
      prevDaySellQty: 0,
    });
    expect(page.output2[0]).toMatchObject({ cashD0: 10_000_000, cashD1: 9_800_000, cashD2: 9_780_000, netAssets: 10_500_000, todayFeesTaxes: 30 });
    expect(page.output1[0]).not.toHaveProperty('brand_new_key');
  });
  it('a missing required field is a bad-response error naming the field', () => {
    const { hldg_qty: _drop, ...row } = holdingRow();
    let err: unknown;
    try {
      parseKis(balancePageSchema, { output1: [holdingRow(), row], output2: [summaryRow()] }, 'TTTC8434R');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KisBadResponseError);
    expect((err as KisBadResponseError).field).toBe('output1[1].hldg_qty');
    expect((err as KisBadResponseError).message).toContain('output1[1].hldg_qty');
    expect((err as KisBadResponseError).message).toContain('missing');
  });
  it('a fractional money value is refused, not rounded', () => {
    expect(() => parseKis(balancePageSchema, { output1: [holdingRow({ evlu_amt: '720000.5' })], output2: [summaryRow()] }, 'TTTC8434R')).toThrow(
      /output1\[0\]\.evlu_amt/,
    );
  });
  it('a summary-less balance is refused', () => {
    expect(() => parseKis(balancePageSchema, { output1: [], output2: [] }, 'TTTC8434R')).toThrow(KisBadResponseError);
  });
});

describe('order ack schema', () => {
  it('reads the UPPERCASE order output once lowercased', () => {
    const body = lowercaseOutputs({
      rt_cd: '0',
      msg_cd: 'APBK0013',
      msg1: '주문 전송 완료 되었습니다.',
      output: { KRX_FWDG_ORD_ORGNO: '06010', ODNO: '0001569157', ORD_TMD: '155211' },
    });
    expect(parseKis(orderAckSchema, body, 'TTTC0012U')).toEqual({ orderNo: '0001569157', orgNo: '06010', time: '155211', message: '주문 전송 완료 되었습니다.' });
  });
  it('a blank order number is an error', () => {
    expect(() => parseKis(orderAckSchema, { output: { krx_fwdg_ord_orgno: '06010', odno: '  ', ord_tmd: '155211' } }, 'TTTC0012U')).toThrow(
      /output\.odno/,
    );
  });
});

describe('daily orders schema', () => {
  const row = (over: Record<string, string> = {}) => ({
    ord_dt: '20261123',
    ord_tmd: '093000',
    odno: '0000000001',
    orgn_odno: '',
    ord_gno_brno: '06010',
    sll_buy_dvsn_cd: '02',
    pdno: '005930',
    prdt_name: '삼성전자',
    ord_dvsn_cd: '00',
    ord_dvsn_name: '지정가',
    ord_qty: '10',
    ord_unpr: '71900',
    tot_ccld_qty: '4',
    tot_ccld_amt: '287600',
    avg_prvs: '71900',
    rmn_qty: '6',
    rjct_qty: '0',
    cncl_yn: 'N',
    cnc_cfrm_qty: '0',
    excg_id_dvsn_Cd: 'NXT',
    ...over,
  });
  it('reads the sic-spelled venue key and both cancel-confirmed spellings', () => {
    const body = lowercaseOutputs({ output1: [row(), { ...row({ odno: '0000000002', cncl_yn: 'Y' }), cnc_cfrm_qty: undefined, cncl_cfrm_qty: '6' }], output2: { tot_ord_qty: '20', tot_ccld_qty: '4', tot_ccld_amt: '287600', prsm_tlex_smtl: '40' } });
    const parsed = parseKis(dailyOrdersPageSchema, JSON.parse(JSON.stringify(body)), 'TTTC0081R');
    expect(parsed.output1[0]).toMatchObject({ side: 'buy', route: 'NXT', filledQty: 4, remainingQty: 6, cancelled: false, orgNo: '06010' });
    expect(parsed.output1[1]).toMatchObject({ cancelled: true, cancelConfirmedQty: 6 });
    expect(parsed.output2).toEqual({ totalOrderQty: 20, totalFilledQty: 4, totalFilledAmount: 287600, estimatedFeesTaxes: 40 });
  });
  it('an unknown side code is an error', () => {
    expect(() => parseKis(dailyOrdersPageSchema, { output1: [row({ sll_buy_dvsn_cd: '03' })] }, 'TTTC0081R')).toThrow(/sll_buy_dvsn_cd/);
  });
  it('no rows is an empty list', () => {
    expect(parseKis(dailyOrdersPageSchema, {}, 'VTTC0081R')).toEqual({ output1: [], output2: null });
  });
});

describe('quote, book and chart schemas', () => {
  it('a quote needs its price fields', () => {
    const ok = parseKis(quoteSchema, { output: { stck_prpr: '71900', prdy_vrss: '-100', prdy_vrss_sign: '5', prdy_ctrt: '-0.14', stck_mxpr: '93600', stck_llam: '50400', stck_sdpr: '72000', extra: 'x' } }, 'FHKST01010100');
    expect(ok.output).toMatchObject({ stck_prpr: 71900, prdy_vrss: -100, prdy_ctrt: -0.14, stck_oprc: 0 });
    expect(() => parseKis(quoteSchema, { output: { stck_prpr: '71900' } }, 'FHKST01010100')).toThrow(/output\.prdy_vrss/);
  });
  it('book levels with price 0 are dropped', () => {
    const out1: Record<string, string> = { aspr_acpt_hour: '093354', total_askp_rsqn: '300', total_bidp_rsqn: '500', askp1: '72000', bidp1: '71900', askp_rsqn1: '100', bidp_rsqn1: '200', askp2: '72100', askp_rsqn2: '200', bidp2: '0' };
    const book = parseKis(orderBookSchema, { output1: out1 }, 'FHKST01010200');
    expect(book.output1.asks).toEqual([{ price: 72000, qty: 100, change: 0 }, { price: 72100, qty: 200, change: 0 }]);
    expect(book.output1.bids).toEqual([{ price: 71900, qty: 200, change: 0 }]);
  });
  it('daily chart drops KIS padding rows but not broken bars', () => {
    const bar = { stck_bsop_date: '20261120', stck_oprc: '1', stck_hgpr: '2', stck_lwpr: '1', stck_clpr: '2', acml_vol: '5', acml_tr_pbmn: '9' };
    expect(parseKis(dailyChartSchema, { output2: [bar, {}, { stck_bsop_date: '' }] }, 'FHKST03010100').output2).toHaveLength(1);
    expect(() => parseKis(dailyChartSchema, { output2: [{ ...bar, stck_clpr: '' }] }, 'FHKST03010100')).toThrow(/output2\[0\]\.stck_clpr/);
  });
  it('orderable cash maps the 미수없는 figures', () => {
    const r = parseKis(orderableCashSchema, { output: { ord_psbl_cash: '1000000', nrcvb_buy_amt: '990000', nrcvb_buy_qty: '13', max_buy_amt: '3000000', max_buy_qty: '41', psbl_qty_calc_unpr: '72000' } }, 'TTTC8908R');
    expect(r.output).toEqual({ orderableCash: 1_000_000, maxBuyAmountNoCredit: 990_000, maxBuyQtyNoCredit: 13, maxBuyAmountWithCredit: 3_000_000, maxBuyQtyWithCredit: 41, calcPrice: 72000 });
  });
});
