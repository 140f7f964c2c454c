/**
 * inquire-daily-itemchartprice (§4.9: ≤ 100 rows, newest first) and inquire-time-itemchartprice (§4.10:
 * 30 one-minute rows of today, stepping back from FID_INPUT_HOUR_1; a future hour means now).
 */
import { inputError, quoteOk } from '../envelope';
import { kstHms, kstYmd } from '../kst';
import { rate2, diffSign } from '../ws/records';
import { str, type Handler } from './common';
import { fundamentals, previousBar } from './fundamentals';
import { quoteTarget } from './market-code';

const PERIODS = new Set(['D', 'W', 'M', 'Y']);

export const inquireDailyChart: Handler = (ctx) => {
  const t = quoteTarget(ctx);
  if (!t.ok) return t.reply;
  const { inst, venue } = t;
  const ex = ctx.exchange;
  const today = kstYmd(ctx.simNow);
  const period = ctx.params.str('FID_PERIOD_DIV_CODE').trim().toUpperCase() || 'D';
  const from = ctx.params.str('FID_INPUT_DATE_1').trim();
  const to = ctx.params.str('FID_INPUT_DATE_2').trim() || today;
  if (!PERIODS.has(period) || !/^\d{8}$/.test(from) || !/^\d{8}$/.test(to)) return inputError('OPSQ2002');
  const bars = ex
    .dailyBars(inst.code, venue, from, to > today ? today : to, period as 'D' | 'W' | 'M' | 'Y')
    .slice()
    .sort((a, b) => (a.date < b.date ? 1 : -1));
  const rows = bars.slice(0, 100).map((b, i, all) => {
    const prevClose = all[i + 1]?.close ?? 0;
    const diff = prevClose > 0 ? b.close - prevClose : 0;
    return {
      stck_bsop_date: b.date,
      stck_clpr: str(b.close),
      stck_oprc: str(b.open),
      stck_hgpr: str(b.high),
      stck_lwpr: str(b.low),
      acml_vol: str(b.volume),
      acml_tr_pbmn: str(b.turnover),
      flng_cls_code: '00',
      prtt_rate: '0.00',
      mod_yn: 'N',
      prdy_vrss_sign: diffSign(diff),
      prdy_vrss: str(diff),
      revl_issu_reas: '',
    };
  });
  const q = ex.quote(inst.code, venue);
  const y = previousBar(ex, inst.code, venue, today);
  const fund = fundamentals(inst);
  const last = q?.last || inst.prevClose;
  return quoteOk({
    output1: {
      prdy_vrss: str(q?.change ?? 0),
      prdy_vrss_sign: q?.sign ?? '3',
      prdy_ctrt: rate2(q?.changeRate ?? 0),
      stck_prdy_clpr: str(inst.prevClose),
      acml_vol: str(q?.volume ?? 0),
      acml_tr_pbmn: str(q?.turnover ?? 0),
      hts_kor_isnm: inst.name,
      stck_prpr: str(last),
      stck_shrn_iscd: inst.code,
      prdy_vol: str(y?.volume ?? 0),
      stck_mxpr: str(inst.upperLimit),
      stck_llam: str(inst.lowerLimit),
      stck_oprc: str(q?.open ?? 0),
      stck_hgpr: str(q?.high ?? 0),
      stck_lwpr: str(q?.low ?? 0),
      stck_prdy_oprc: str(y?.open ?? 0),
      stck_prdy_hgpr: str(y?.high ?? 0),
      stck_prdy_lwpr: str(y?.low ?? 0),
      askp: str(q?.bestAsk ?? 0),
      bidp: str(q?.bestBid ?? 0),
      prdy_vrss_vol: str((q?.volume ?? 0) - (y?.volume ?? 0)),
      vol_tnrt: rate2(inst.listedShares > 0 ? ((q?.volume ?? 0) / inst.listedShares) * 100 : 0),
      stck_fcam: '100',
      lstn_stcn: str(inst.listedShares),
      cpfn: '0',
      hts_avls: str(Math.floor((last * inst.listedShares) / 1e8)),
      per: fund.per,
      eps: fund.eps,
      pbr: fund.pbr,
      itewhol_loan_rmnd_ratem: '0.00', // sic
    },
    output2: rows,
  });
};

export const inquireTimeChart: Handler = (ctx) => {
  const t = quoteTarget(ctx);
  if (!t.ok) return t.reply;
  const { inst, venue } = t;
  const ex = ctx.exchange;
  const now = kstHms(ctx.simNow);
  const asked = ctx.params.str('FID_INPUT_HOUR_1').trim();
  if (asked !== '' && !/^\d{6}$/.test(asked)) return inputError('OPSQ2002');
  const upto = asked === '' || asked > now ? now : asked;
  const today = kstYmd(ctx.simNow);
  const bars = ex
    .minuteBars(inst.code, venue, upto)
    .filter((b) => b.date === today && b.time <= upto)
    .sort((a, b) => (a.time < b.time ? 1 : -1))
    .slice(0, 30);
  const q = ex.quote(inst.code, venue);
  // acml_tr_pbmn per row is the running turnover up to that bar (KIS reports it cumulatively).
  const all = ex.minuteBars(inst.code, venue, upto).filter((b) => b.date === today);
  const cumByTime = new Map<string, number>();
  let cum = 0;
  for (const b of [...all].sort((a, c) => (a.time < c.time ? -1 : 1))) {
    cum += b.turnover;
    cumByTime.set(b.time, cum);
  }
  return quoteOk({
    output1: {
      prdy_vrss: str(q?.change ?? 0),
      prdy_vrss_sign: q?.sign ?? '3',
      prdy_ctrt: rate2(q?.changeRate ?? 0),
      stck_prdy_clpr: str(inst.prevClose),
      acml_vol: str(q?.volume ?? 0),
      acml_tr_pbmn: str(q?.turnover ?? 0),
      hts_kor_isnm: inst.name,
      stck_prpr: str(q?.last || inst.prevClose),
    },
    output2: bars.map((b) => ({
      stck_bsop_date: b.date,
      stck_cntg_hour: b.time,
      stck_prpr: str(b.close),
      stck_oprc: str(b.open),
      stck_hgpr: str(b.high),
      stck_lwpr: str(b.low),
      cntg_vol: str(b.volume),
      acml_tr_pbmn: str(cumByTime.get(b.time) ?? b.turnover),
    })),
  });
};

