/**
 * inquire-psbl-order — 매수가능조회 (kis-api.md §4.4). The exchange owns buying power (open reservations,
 * fees, the upper-limit reservation of unpriced buys); this only shapes the answer.
 */
import { businessReject, success } from '../envelope';
import { MSG, padMsg } from '../messages';
import { digits } from '../request';
import { accountOf, str, type Handler } from './common';

export const inquirePsblOrder: Handler = (ctx) => {
  const acc = accountOf(ctx, 'query');
  if (!acc.ok) return acc.reply;
  const symbol = ctx.params.str('PDNO').trim();
  if (symbol !== '' && !ctx.exchange.instrument(symbol)) return businessReject('APBK0656', MSG.APBK0656);
  const priceText = ctx.params.str('ORD_UNPR').trim();
  const price = priceText === '' ? 0 : (digits(priceText) ?? 0);
  const ordDvsn = ctx.params.str('ORD_DVSN').trim() || '00';
  const bp = ctx.exchange.buyingPower(acc.account, symbol, price, ordDvsn);
  // PDNO and ORD_UNPR blank → amounts only.
  const qty = symbol === '' ? 0 : bp.maxQtyNoCredit;
  return success('KIOK0510', padMsg(MSG.KIOK0510), {
    output: {
      ord_psbl_cash: str(bp.orderableCash),
      ord_psbl_sbst: '0',
      ruse_psbl_amt: '0',
      fund_rpch_chgs: '0',
      psbl_qty_calc_unpr: str(bp.calcPrice),
      nrcvb_buy_amt: str(bp.maxAmountNoCredit),
      nrcvb_buy_qty: str(qty),
      max_buy_amt: str(bp.maxAmountNoCredit),
      max_buy_qty: str(qty),
      cma_evlu_amt: '0',
      ovrs_re_use_amt_wcrc: '0',
      ord_psbl_frcr_amt_wcrc: '0',
    },
  });
};
