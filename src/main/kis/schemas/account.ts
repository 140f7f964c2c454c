/** Account query replies (kis-api.md §4.3–§4.6) → domain types. Keys already lowercased by the transport. */
import { z } from 'zod';
import type { BalanceSummary, DailyOrder, DailyOrdersSummary, Holding, OpenOrder, OrderableCash } from '../types';
import { dec, decOr0, hms, int, intOr0, routeCode, sideCode, text, textOpt, yn, ymd } from './fields';

export const holdingSchema = z
  .object({
    pdno: text,
    prdt_name: textOpt,
    hldg_qty: int,
    ord_psbl_qty: int,
    pchs_avg_pric: dec,
    pchs_amt: int,
    prpr: int,
    evlu_amt: int,
    evlu_pfls_amt: int,
    evlu_pfls_rt: decOr0,
    fltt_rt: decOr0,
    bfdy_cprs_icdc: intOr0,
    thdt_buyqty: intOr0,
    thdt_sll_qty: intOr0,
    bfdy_buy_qty: intOr0,
    bfdy_sll_qty: intOr0,
  })
  .transform(
    (r): Holding => ({
      symbol: r.pdno.trim(),
      name: r.prdt_name,
      qty: r.hldg_qty,
      sellableQty: r.ord_psbl_qty,
      avgPrice: r.pchs_avg_pric,
      cost: r.pchs_amt,
      lastPrice: r.prpr,
      value: r.evlu_amt,
      pnl: r.evlu_pfls_amt,
      pnlRate: r.evlu_pfls_rt,
      dayChangeRate: r.fltt_rt,
      dayChange: r.bfdy_cprs_icdc,
      todayBuyQty: r.thdt_buyqty,
      todaySellQty: r.thdt_sll_qty,
      prevDayBuyQty: r.bfdy_buy_qty,
      prevDaySellQty: r.bfdy_sll_qty,
    }),
  );

export const balanceSummarySchema = z
  .object({
    dnca_tot_amt: int,
    nxdy_excc_amt: int,
    prvs_rcdl_excc_amt: int,
    scts_evlu_amt: int,
    tot_evlu_amt: int,
    pchs_amt_smtl_amt: int,
    evlu_amt_smtl_amt: int,
    evlu_pfls_smtl_amt: int,
    thdt_buy_amt: intOr0,
    thdt_sll_amt: intOr0,
    thdt_tlex_amt: intOr0,
    nass_amt: int,
    bfdy_tot_asst_evlu_amt: intOr0,
    asst_icdc_amt: intOr0,
  })
  .transform(
    (s): BalanceSummary => ({
      cashD0: s.dnca_tot_amt,
      cashD1: s.nxdy_excc_amt,
      cashD2: s.prvs_rcdl_excc_amt,
      securitiesValue: s.scts_evlu_amt,
      totalValue: s.tot_evlu_amt,
      cost: s.pchs_amt_smtl_amt,
      value: s.evlu_amt_smtl_amt,
      pnl: s.evlu_pfls_smtl_amt,
      todayBuy: s.thdt_buy_amt,
      todaySell: s.thdt_sll_amt,
      todayFeesTaxes: s.thdt_tlex_amt,
      netAssets: s.nass_amt,
      prevTotalAssets: s.bfdy_tot_asst_evlu_amt,
      assetChange: s.asst_icdc_amt,
    }),
  );

/** One balance page: output1 (holdings, may be absent/empty) and output2 (an array of one summary). */
export const balancePageSchema = z.object({
  output1: z.array(holdingSchema).optional().default([]),
  output2: z.union([z.array(balanceSummarySchema).min(1, 'output2 is empty'), balanceSummarySchema.transform((s) => [s])]),
});

export const orderableCashSchema = z.object({
  output: z
    .object({
      ord_psbl_cash: int,
      nrcvb_buy_amt: int,
      nrcvb_buy_qty: int,
      max_buy_amt: intOr0,
      max_buy_qty: intOr0,
      psbl_qty_calc_unpr: intOr0,
    })
    .transform(
      (o): OrderableCash => ({
        orderableCash: o.ord_psbl_cash,
        maxBuyAmountNoCredit: o.nrcvb_buy_amt,
        maxBuyQtyNoCredit: o.nrcvb_buy_qty,
        maxBuyAmountWithCredit: o.max_buy_amt,
        maxBuyQtyWithCredit: o.max_buy_qty,
        calcPrice: o.psbl_qty_calc_unpr,
      }),
    ),
});

const openOrderRow = z
  .object({
    odno: text,
    orgn_odno: textOpt,
    ord_gno_brno: textOpt,
    pdno: text,
    prdt_name: textOpt,
    sll_buy_dvsn_cd: sideCode,
    ord_dvsn_cd: text,
    ord_dvsn_name: textOpt,
    ord_qty: int,
    ord_unpr: int,
    ord_tmd: hms,
    tot_ccld_qty: int,
    tot_ccld_amt: intOr0,
    psbl_qty: int,
    excg_id_dvsn_cd: routeCode,
    stpm_cndt_pric: intOr0,
  })
  .transform(
    (r): OpenOrder => ({
      orderNo: r.odno.trim(),
      originalOrderNo: r.orgn_odno.trim(),
      orgNo: r.ord_gno_brno.trim(),
      symbol: r.pdno.trim(),
      name: r.prdt_name,
      side: r.sll_buy_dvsn_cd,
      ordDvsn: r.ord_dvsn_cd.trim(),
      ordDvsnName: r.ord_dvsn_name,
      qty: r.ord_qty,
      price: r.ord_unpr,
      time: r.ord_tmd,
      filledQty: r.tot_ccld_qty,
      filledAmount: r.tot_ccld_amt,
      remainingQty: r.psbl_qty,
      route: r.excg_id_dvsn_cd,
      stopPrice: r.stpm_cndt_pric,
    }),
  );

export const openOrdersPageSchema = z.object({ output: z.array(openOrderRow).optional().default([]) });

const dailyOrderRow = z
  .object({
    ord_dt: ymd,
    ord_tmd: hms,
    odno: text,
    orgn_odno: textOpt,
    ord_gno_brno: textOpt,
    sll_buy_dvsn_cd: sideCode,
    pdno: text,
    prdt_name: textOpt,
    ord_dvsn_cd: text,
    ord_dvsn_name: textOpt,
    ord_qty: int,
    ord_unpr: int,
    tot_ccld_qty: int,
    tot_ccld_amt: int,
    avg_prvs: decOr0,
    rmn_qty: int,
    rjct_qty: intOr0,
    cncl_yn: yn,
    // kis-api.md §4.6 DISAGREE: spec spelling cnc_cfrm_qty, example spelling cncl_cfrm_qty.
    cnc_cfrm_qty: z.string().optional(),
    cncl_cfrm_qty: z.string().optional(),
    // excg_id_dvsn_Cd (sic) arrives lowercased.
    excg_id_dvsn_cd: routeCode,
    stpm_cndt_pric: intOr0,
  })
  .transform((r, ctx): DailyOrder => {
    const cancelRaw = r.cnc_cfrm_qty ?? r.cncl_cfrm_qty ?? '';
    const cancelConfirmedQty = cancelRaw.trim() === '' ? 0 : Number(cancelRaw.trim());
    if (!Number.isSafeInteger(cancelConfirmedQty)) {
      ctx.addIssue({ code: 'custom', message: `expected an integer string, got ${JSON.stringify(cancelRaw)}`, path: ['cnc_cfrm_qty'] });
    }
    return {
      date: r.ord_dt,
      time: r.ord_tmd,
      orderNo: r.odno.trim(),
      originalOrderNo: r.orgn_odno.trim(),
      orgNo: r.ord_gno_brno.trim(),
      side: r.sll_buy_dvsn_cd,
      symbol: r.pdno.trim(),
      name: r.prdt_name,
      ordDvsn: r.ord_dvsn_cd.trim(),
      ordDvsnName: r.ord_dvsn_name,
      qty: r.ord_qty,
      price: r.ord_unpr,
      filledQty: r.tot_ccld_qty,
      filledAmount: r.tot_ccld_amt,
      avgFillPrice: r.avg_prvs,
      remainingQty: r.rmn_qty,
      rejectedQty: r.rjct_qty,
      cancelled: r.cncl_yn,
      cancelConfirmedQty: Number.isSafeInteger(cancelConfirmedQty) ? cancelConfirmedQty : 0,
      route: r.excg_id_dvsn_cd,
      stopPrice: r.stpm_cndt_pric,
    };
  });

const dailySummary = z
  .object({
    tot_ord_qty: intOr0,
    tot_ccld_qty: intOr0,
    tot_ccld_amt: intOr0,
    prsm_tlex_smtl: intOr0,
  })
  .transform(
    (s): DailyOrdersSummary => ({
      totalOrderQty: s.tot_ord_qty,
      totalFilledQty: s.tot_ccld_qty,
      totalFilledAmount: s.tot_ccld_amt,
      estimatedFeesTaxes: s.prsm_tlex_smtl,
    }),
  );

export const dailyOrdersPageSchema = z.object({
  output1: z.array(dailyOrderRow).optional().default([]),
  // An object in inquire-daily-ccld (kis-api.md §3.3); tolerate an array of one.
  output2: z
    .union([dailySummary, z.array(dailySummary).transform((a) => a[0] ?? null)])
    .optional()
    .transform((s) => s ?? null),
});
