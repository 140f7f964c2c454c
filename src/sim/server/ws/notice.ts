/**
 * H0STCNI0 / H0STCNI9 records (kis-api.md §7.4): 26 fields in the post-2025-07 layout, built from the
 * exchange's OrderNotice. Field 10/11 carry this fill's qty/price for a fill (CNTG_YN=2) and the order's
 * qty/price for an acceptance (CNTG_YN=1) — the exchange already puts the right pair in qty/price; field 26
 * is always the order price.
 */
import type { OrderNotice } from '../../exchange/types';
import { aesEncryptBase64 } from './aes';

export const NOTICE_FIELD_COUNT = 26;

/** 'NNNNNNNN-01' → 'NNNNNNNN01' (ACNT_NO is the 10 digits without the dash). */
export function wireAccountNo(account: string): string {
  return account.replace('-', '');
}

/** `orgNo` (BRNC_NO) and the holder name are not on the notice itself; the caller looks them up. */
export function noticeRecord(n: OrderNotice, holderName: string, orgNo: string): string {
  const fields = [
    n.htsId, // 01 CUST_ID
    wireAccountNo(n.account), // 02 ACNT_NO
    n.orderNo, // 03 ODER_NO
    n.originalOrderNo, // 04 OODER_NO
    n.side === 'sell' ? '01' : '02', // 05 SELN_BYOV_CLS
    n.rctf, // 06 RCTF_CLS
    n.ordDvsn, // 07 ODER_KIND
    n.cond, // 08 ODER_COND
    n.symbol, // 09 STCK_SHRN_ISCD
    String(n.qty), // 10 CNTG_QTY
    String(n.price), // 11 CNTG_UNPR
    n.time, // 12 STCK_CNTG_HOUR
    n.refused ? '1' : '0', // 13 RFUS_YN
    n.cntgYn, // 14 CNTG_YN
    n.acptYn, // 15 ACPT_YN
    orgNo, // 16 BRNC_NO
    String(n.orderQty), // 17 ODER_QTY
    holderName, // 18 ACNT_NAME
    n.ordDvsn === '22' && n.stopPrice > 0 ? String(n.stopPrice) : '', // 19 ORD_COND_PRC
    n.exchangeCode, // 20 ORD_EXG_GB
    'N', // 21 POPUP_YN
    '', // 22 FILLER
    '', // 23 CRDT_CLS
    '', // 24 CRDT_LOAN_DATE
    n.name, // 25 CNTG_ISNM40
    String(n.orderPrice), // 26 ODER_PRC
  ];
  return fields.join('^');
}

/** `1|TR|001|<base64>` — one record per notice frame, encrypted with the subscription's key/iv. */
export function noticeFrame(trId: string, record: string, key: string, iv: string): string {
  return `1|${trId}|001|${aesEncryptBase64(record, key, iv)}`;
}
