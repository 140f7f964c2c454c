/** Quotation replies (kis-api.md §4.7–§4.10) → domain types. Keys already lowercased by the transport. */
import { z } from 'zod';
import type { BookLevel, DailyBar, MinuteBar } from '../types';
import { changeSign, decOr0, hms, int, intOr0, text, textOpt, yn, ymd } from './fields';

export const quoteOutputSchema = z.object({
  stck_shrn_iscd: textOpt,
  stck_prpr: int,
  prdy_vrss: int,
  prdy_vrss_sign: changeSign,
  prdy_ctrt: decOr0,
  stck_oprc: intOr0,
  stck_hgpr: intOr0,
  stck_lwpr: intOr0,
  acml_vol: intOr0,
  acml_tr_pbmn: intOr0,
  stck_mxpr: int,
  stck_llam: int,
  stck_sdpr: int,
  aspr_unit: intOr0,
  iscd_stat_cls_code: textOpt,
  temp_stop_yn: yn,
  vi_cls_code: textOpt,
  marg_rate: decOr0,
  rprs_mrkt_kor_name: textOpt,
  bstp_kor_isnm: textOpt,
  w52_hgpr: intOr0,
  w52_lwpr: intOr0,
  per: decOr0,
  pbr: decOr0,
  eps: decOr0,
  bps: decOr0,
});
export const quoteSchema = z.object({ output: quoteOutputSchema });

const LEVELS = Array.from({ length: 10 }, (_, i) => i + 1);

const bookShape: Record<string, z.ZodType> = {
  aspr_acpt_hour: textOpt,
  total_askp_rsqn: intOr0,
  total_bidp_rsqn: intOr0,
};
for (const i of LEVELS) {
  bookShape[`askp${i}`] = intOr0;
  bookShape[`bidp${i}`] = intOr0;
  bookShape[`askp_rsqn${i}`] = intOr0;
  bookShape[`bidp_rsqn${i}`] = intOr0;
  bookShape[`askp_rsqn_icdc${i}`] = intOr0;
  bookShape[`bidp_rsqn_icdc${i}`] = intOr0;
}
// The best level must be there: a book without askp1/bidp1 keys is not a book.
bookShape.askp1 = int;
bookShape.bidp1 = int;

export interface ParsedBook {
  time: string;
  asks: BookLevel[];
  bids: BookLevel[];
  totalAskQty: number;
  totalBidQty: number;
}

const bookOutput = z.object(bookShape).transform((o): ParsedBook => {
  const n = o as Record<string, number | string>;
  const side = (p: 'askp' | 'bidp'): BookLevel[] => {
    const levels: BookLevel[] = [];
    for (const i of LEVELS) {
      const price = n[`${p}${i}`] as number;
      if (price > 0) levels.push({ price, qty: n[`${p}_rsqn${i}`] as number, change: n[`${p}_rsqn_icdc${i}`] as number });
    }
    return levels;
  };
  const time = String(n.aspr_acpt_hour ?? '').trim();
  return { time, asks: side('askp'), bids: side('bidp'), totalAskQty: n.total_askp_rsqn as number, totalBidQty: n.total_bidp_rsqn as number };
});

const expectedOutput = z.object({
  stck_prpr: intOr0,
  stck_sdpr: intOr0,
  antc_cnpr: intOr0,
  antc_cntg_vrss_sign: changeSign,
  antc_cntg_vrss: intOr0,
  antc_cntg_prdy_ctrt: decOr0,
  antc_vol: intOr0,
  stck_shrn_iscd: textOpt,
});

export const orderBookSchema = z.object({
  output1: bookOutput,
  output2: expectedOutput.optional(),
});

const dailyBarRow = z
  .object({
    stck_bsop_date: ymd,
    stck_oprc: int,
    stck_hgpr: int,
    stck_lwpr: int,
    stck_clpr: int,
    acml_vol: int,
    acml_tr_pbmn: intOr0,
  })
  .transform(
    (r): DailyBar => ({
      date: r.stck_bsop_date,
      open: r.stck_oprc,
      high: r.stck_hgpr,
      low: r.stck_lwpr,
      close: r.stck_clpr,
      volume: r.acml_vol,
      turnover: r.acml_tr_pbmn,
    }),
  );

/**
 * KIS pads a short daily-chart answer with empty rows ({} or all-blank fields) — drop rows without a date
 * before validating, so a real bar with a blank price is still an error.
 */
const nonEmptyRows = (rows: unknown) =>
  Array.isArray(rows)
    ? rows.filter((r) => r && typeof r === 'object' && String((r as Record<string, unknown>).stck_bsop_date ?? '').trim() !== '')
    : rows;

export const dailyChartSchema = z.object({
  output2: z.preprocess(nonEmptyRows, z.array(dailyBarRow)).optional().default([]),
});

const minuteBarRow = z
  .object({
    stck_bsop_date: ymd,
    stck_cntg_hour: hms,
    stck_prpr: int,
    stck_oprc: int,
    stck_hgpr: int,
    stck_lwpr: int,
    cntg_vol: int,
    acml_tr_pbmn: intOr0,
  })
  .transform(
    (r): MinuteBar => ({
      date: r.stck_bsop_date,
      time: r.stck_cntg_hour,
      open: r.stck_oprc,
      high: r.stck_hgpr,
      low: r.stck_lwpr,
      close: r.stck_prpr,
      volume: r.cntg_vol,
      cumulativeTurnover: r.acml_tr_pbmn,
    }),
  );

export const minuteChartSchema = z.object({
  output2: z.preprocess(nonEmptyRows, z.array(minuteBarRow)).optional().default([]),
});

export { text };
