/**
 * inquire-price (§4.7) and inquire-asking-price-exp-ccn (§4.8): the same quote and book the realtime
 * frames carry, so REST and WS agree (obligation 14).
 */
import type { Book } from '../../exchange/types';
import { quoteOk } from '../envelope';
import { kstHms, kstYmd } from '../kst';
import { marketClassAt } from '../ws/market-feed';
import { diffSign, mkopCode, rate2 } from '../ws/records';
import { str, type Handler } from './common';
import { fundamentals, range52w } from './fundamentals';
import { quoteTarget } from './market-code';
import { tickSize } from '../../../shared/market/ticks';

const STATUS_HALTED = '58';
const STATUS_NORMAL = '55';

export const inquirePrice: Handler = (ctx) => {
  const t = quoteTarget(ctx);
  if (!t.ok) return t.reply;
  const { inst, venue } = t;
  const ex = ctx.exchange;
  const q = ex.quote(inst.code, venue);
  const last = q?.last || inst.prevClose;
  const today = kstYmd(ctx.simNow);
  const w52 = range52w(ex, inst.code, venue, today, last);
  const fund = fundamentals(inst);
  const halted = venue === 'NXT' ? inst.nxtHalted : inst.halted;
  const marketCap = Math.floor((last * inst.listedShares) / 1e8);
  const pct = (a: number, b: number) => rate2(b > 0 ? ((a - b) / b) * 100 : 0);
  return quoteOk({
    output: {
      iscd_stat_cls_code: halted ? STATUS_HALTED : STATUS_NORMAL,
      marg_rate: '20.00',
      rprs_mrkt_kor_name: inst.market === 'KOSPI' ? 'KOSPI' : inst.market === 'KOSDAQ' ? 'KOSDAQ' : 'KONEX',
      new_hgpr_lwpr_cls_code: '',
      bstp_kor_isnm: inst.etp ? 'ETF' : '',
      temp_stop_yn: halted ? 'Y' : 'N',
      oprc_rang_cont_yn: 'N',
      clpr_rang_cont_yn: 'N',
      crdt_able_yn: inst.etp ? 'N' : 'Y',
      grmn_rate_cls_code: '40',
      elw_pblc_yn: 'N',
      stck_prpr: str(last),
      prdy_vrss: str(q?.change ?? 0),
      prdy_vrss_sign: q?.sign ?? '3',
      prdy_ctrt: rate2(q?.changeRate ?? 0),
      acml_tr_pbmn: str(q?.turnover ?? 0),
      acml_vol: str(q?.volume ?? 0),
      prdy_vrss_vol_rate: '0.00',
      stck_oprc: str(q?.open ?? 0),
      stck_hgpr: str(q?.high ?? 0),
      stck_lwpr: str(q?.low ?? 0),
      stck_mxpr: str(inst.upperLimit),
      stck_llam: str(inst.lowerLimit),
      stck_sdpr: str(inst.basePrice),
      wghn_avrg_stck_prc: rate2(q?.vwap ?? 0),
      hts_frgn_ehrt: '0.00',
      frgn_ntby_qty: '0',
      pgtr_ntby_qty: '0',
      pvt_scnd_dmrs_prc: '0',
      pvt_frst_dmrs_prc: '0',
      pvt_pont_val: '0',
      pvt_frst_dmsp_prc: '0',
      pvt_scnd_dmsp_prc: '0',
      dmrs_val: '0',
      dmsp_val: '0',
      cpfn: '0',
      rstc_wdth_prc: str(inst.upperLimit - inst.basePrice),
      stck_fcam: '100',
      stck_sspr: '0',
      aspr_unit: str(tickSize(last, inst.etp)),
      hts_deal_qty_unit_val: '1',
      lstn_stcn: str(inst.listedShares),
      hts_avls: str(marketCap),
      per: fund.per,
      pbr: fund.pbr,
      stac_month: '12',
      vol_tnrt: rate2(inst.listedShares > 0 ? ((q?.volume ?? 0) / inst.listedShares) * 100 : 0),
      eps: fund.eps,
      bps: fund.bps,
      d250_hgpr: str(w52.high),
      d250_hgpr_date: w52.highDate,
      d250_hgpr_vrss_prpr_rate: pct(last, w52.high),
      d250_lwpr: str(w52.low),
      d250_lwpr_date: w52.lowDate,
      d250_lwpr_vrss_prpr_rate: pct(last, w52.low),
      stck_dryy_hgpr: str(w52.high),
      dryy_hgpr_vrss_prpr_rate: pct(last, w52.high),
      dryy_hgpr_date: w52.highDate,
      stck_dryy_lwpr: str(w52.low),
      dryy_lwpr_vrss_prpr_rate: pct(last, w52.low),
      dryy_lwpr_date: w52.lowDate,
      w52_hgpr: str(w52.high),
      w52_hgpr_vrss_prpr_ctrt: pct(last, w52.high),
      w52_hgpr_date: w52.highDate,
      w52_lwpr: str(w52.low),
      w52_lwpr_vrss_prpr_ctrt: pct(last, w52.low),
      w52_lwpr_date: w52.lowDate,
      whol_loan_rmnd_rate: '0.00',
      ssts_yn: 'Y',
      stck_shrn_iscd: inst.code,
      fcam_cnnm: '100',
      cpfn_cnnm: '0 억',
      apprch_rate: '0.00',
      frgn_hldn_qty: '0',
      vi_cls_code: 'N',
      ovtm_vi_cls_code: 'N',
      last_ssts_cntg_qty: '0',
      invt_caful_yn: 'N',
      mrkt_warn_cls_code: '00',
      short_over_yn: 'N',
      sltr_yn: 'N',
      mang_issu_cls_code: 'N',
    },
  });
};

function emptyBook(symbol: string, venue: Book['venue'], time: number): Book {
  return { symbol, venue, asks: [], bids: [], totalAskQty: 0, totalBidQty: 0, expected: null, time };
}

export const inquireAskingPrice: Handler = (ctx) => {
  const t = quoteTarget(ctx);
  if (!t.ok) return t.reply;
  const { inst, venue } = t;
  const ex = ctx.exchange;
  const b = ex.book(inst.code, venue) ?? emptyBook(inst.code, venue === 'NXT' ? 'NXT' : 'KRX', ctx.simNow);
  const q = ex.quote(inst.code, venue);
  const book: Record<string, string> = { aspr_acpt_hour: kstHms(b.time) };
  for (let i = 1; i <= 10; i++) book[`askp${i}`] = str(b.asks[i - 1]?.price ?? 0);
  for (let i = 1; i <= 10; i++) book[`bidp${i}`] = str(b.bids[i - 1]?.price ?? 0);
  for (let i = 1; i <= 10; i++) book[`askp_rsqn${i}`] = str(b.asks[i - 1]?.qty ?? 0);
  for (let i = 1; i <= 10; i++) book[`bidp_rsqn${i}`] = str(b.bids[i - 1]?.qty ?? 0);
  for (let i = 1; i <= 10; i++) book[`askp_rsqn_icdc${i}`] = '0';
  for (let i = 1; i <= 10; i++) book[`bidp_rsqn_icdc${i}`] = '0';
  Object.assign(book, {
    total_askp_rsqn: str(b.totalAskQty),
    total_bidp_rsqn: str(b.totalBidQty),
    total_askp_rsqn_icdc: '0',
    total_bidp_rsqn_icdc: '0',
    ovtm_total_askp_icdc: '0',
    ovtm_total_bidp_icdc: '0',
    ovtm_total_askp_rsqn: '0',
    ovtm_total_bidp_rsqn: '0',
    ntby_aspr_rsqn: str(b.totalBidQty - b.totalAskQty),
    new_mkop_cls_code: mkopCode(marketClassAt(ex, ctx.simNow)),
  });
  const exp = b.expected;
  const expDiff = exp ? exp.price - inst.prevClose : 0;
  return quoteOk({
    output1: book,
    output2: {
      antc_mkop_cls_code: exp ? (kstHms(ctx.simNow) < '120000' ? '112' : '312') : '',
      stck_prpr: str(q?.last || inst.prevClose),
      stck_oprc: str(q?.open ?? 0),
      stck_hgpr: str(q?.high ?? 0),
      stck_lwpr: str(q?.low ?? 0),
      stck_sdpr: str(inst.basePrice),
      antc_cnpr: str(exp?.price ?? 0),
      antc_cntg_vrss_sign: exp ? diffSign(expDiff) : '3',
      antc_cntg_vrss: str(expDiff),
      antc_cntg_prdy_ctrt: rate2(exp && inst.prevClose > 0 ? (expDiff / inst.prevClose) * 100 : 0),
      antc_vol: str(exp?.qty ?? 0),
      stck_shrn_iscd: inst.code,
      vi_cls_code: 'N',
    },
  });
};
