/**
 * inquire-balance (kis-api.md §4.3): positions (output1, paged 50 real / 20 paper) and the account summary
 * (output2, an array of one, on every page). `prpr` follows AFHR_FLPR_YN and the regime: legacy N/Y = KRX,
 * X = NXT; 2026-09 N = KRX (the official 15:30 close once the regular session is over), X = NXT, Y = 통합.
 */
import type { Position, Quote, Regime, SimExchange } from '../../exchange/types';
import { success } from '../envelope';
import { kstHms, kstYmd } from '../kst';
import { MSG, padMsg } from '../messages';
import { decodeOffset, encodeCursor, pageOf, responseTrCont } from '../paging';
import { accountOf, fixed, str, type Handler } from './common';

interface Valuation {
  price: number;
  quote: Quote | undefined;
}

export function valuation(ex: SimExchange, symbol: string, afhr: string, regime: Regime, now: number): Valuation {
  const inst = ex.instrument(symbol);
  const nxt = inst?.nxtEligible === true;
  let quote: Quote | undefined;
  let price: number | undefined;
  if (afhr === 'X' && nxt) quote = ex.quote(symbol, 'NXT');
  else if (regime === '2026-09' && afhr === 'Y') quote = ex.quote(symbol, nxt ? 'UN' : 'KRX');
  else {
    quote = ex.quote(symbol, 'KRX');
    if (regime === '2026-09' && kstHms(now) >= '153000') {
      // After the regular session, "N" means the KRX official close, not after-market prints.
      const bars = ex.minuteBars(symbol, 'KRX', '153000');
      price = bars.length > 0 ? bars.reduce((a, b) => (b.time > a.time ? b : a)).close : undefined;
    }
  }
  return { price: price ?? quote?.last ?? inst?.prevClose ?? 0, quote };
}

function positionRow(p: Position, name: string, v: Valuation): Record<string, string> {
  const evlu = p.qty * v.price;
  const pnl = evlu - p.cost;
  return {
    pdno: p.symbol,
    prdt_name: name,
    trad_dvsn_name: '현금',
    bfdy_buy_qty: str(p.prevBuyQty),
    bfdy_sll_qty: str(p.prevSellQty),
    thdt_buyqty: str(p.todayBuyQty),
    thdt_sll_qty: str(p.todaySellQty),
    hldg_qty: str(p.qty),
    ord_psbl_qty: str(p.sellableQty),
    pchs_avg_pric: fixed(p.qty > 0 ? p.cost / p.qty : 0, 4),
    pchs_amt: str(p.cost),
    prpr: str(v.price),
    evlu_amt: str(evlu),
    evlu_pfls_amt: str(pnl),
    evlu_pfls_rt: fixed(p.cost > 0 ? (pnl / p.cost) * 100 : 0, 2),
    evlu_erng_rt: '0.00000000',
    loan_dt: '',
    loan_amt: '0',
    stln_slng_chgs: '0',
    expd_dt: '',
    fltt_rt: fixed(v.quote?.changeRate ?? 0, 8),
    bfdy_cprs_icdc: str(v.quote?.change ?? 0),
    item_mgna_rt_name: '',
    grta_rt_name: '',
    sbst_pric: '0',
    stck_loan_unpr: '0.0000',
  };
}

export const inquireBalance: Handler = (ctx) => {
  const acc = accountOf(ctx, 'query');
  if (!acc.ok) return acc.reply;
  const ex = ctx.exchange;
  const state = ex.account(acc.account)!;
  const afhr = ctx.params.str('AFHR_FLPR_YN').trim().toUpperCase() || 'N';
  const regime = ex.regime();
  const positions = [...state.positions].sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  const rows = positions.map((p) => positionRow(p, ex.instrument(p.symbol)?.name ?? '', valuation(ex, p.symbol, afhr, regime, ctx.simNow)));

  let cost = 0;
  let value = 0;
  for (const r of rows) {
    cost += Number(r.pchs_amt);
    value += Number(r.evlu_amt);
  }
  const total = value + state.cashD2;
  const summary = {
    dnca_tot_amt: str(state.cash),
    nxdy_excc_amt: str(state.cashD1),
    prvs_rcdl_excc_amt: str(state.cashD2),
    cma_evlu_amt: '0',
    bfdy_buy_amt: '0',
    thdt_buy_amt: str(state.todayBuyAmount),
    nxdy_auto_rdpt_amt: '0',
    bfdy_sll_amt: '0',
    thdt_sll_amt: str(state.todaySellAmount),
    d2_auto_rdpt_amt: '0',
    bfdy_tlex_amt: '0',
    thdt_tlex_amt: str(state.todayFeesAndTaxes),
    tot_loan_amt: '0',
    scts_evlu_amt: str(value),
    tot_evlu_amt: str(total),
    nass_amt: str(total),
    fncg_gld_auto_rdpt_yn: '',
    pchs_amt_smtl_amt: str(cost),
    evlu_amt_smtl_amt: str(value),
    evlu_pfls_smtl_amt: str(value - cost),
    tot_stln_slng_chgs: '0',
    bfdy_tot_asst_evlu_amt: str(state.prevTotalAssets),
    asst_icdc_amt: str(total - state.prevTotalAssets),
    asst_icdc_erng_rt: '0.00000000',
  };

  const size = ctx.personality === 'real' ? 50 : 20;
  const offset = decodeOffset(ctx.trCont, ctx.params.get('CTX_AREA_NK100'));
  const page = pageOf(rows, offset, size);
  const context = `${acc.account.replace('-', '^')}^${afhr}^${kstYmd(ctx.simNow)}`;
  const cursor = encodeCursor(context, page.nextOffset);
  const msgCd = page.more ? 'KIOK0500' : 'KIOK0510';
  return success(
    msgCd,
    padMsg(MSG[msgCd]),
    { ctx_area_fk100: cursor.fk, ctx_area_nk100: cursor.nk, output1: page.rows, output2: [summary] },
    { tr_cont: responseTrCont(page.continuation, page.more) },
  );
};
