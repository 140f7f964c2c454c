/**
 * Order queries: inquire-psbl-rvsecncl (open orders, real only, ≤ 50 rows a page — kis-api.md §4.5) and
 * inquire-daily-ccld (orders and fills of a date range, 100 / 15 rows a page, output2 an object — §4.6).
 */
import type { OrderRecord } from '../../exchange/types';
import { success, type Reply } from '../envelope';
import { kstYmd } from '../kst';
import { MSG, padMsg } from '../messages';
import { decodeOffset, encodeCursor, pageOf, responseTrCont } from '../paging';
import { accountOf, fixed, ordDvsnName, str, ymdOr, type Handler, type UapiContext } from './common';

const EXCG_NAME: Record<string, string> = { KRX: 'KRX', NXT: 'NXT', SOR: 'SOR' };
const IOC = new Set(['11', '13', '15', '23', '42', '45']);
const FOK = new Set(['12', '14', '16', '24', '43', '46']);

const sideCode = (o: OrderRecord): '01' | '02' => (o.side === 'sell' ? '01' : '02');
const byOrderNo = (a: OrderRecord, b: OrderRecord): number => (a.date + a.orderNo < b.date + b.orderNo ? -1 : 1);

function orderNo10(text: string): string {
  const t = text.trim();
  return /^\d{1,10}$/.test(t) ? t.padStart(10, '0') : t;
}

function pagedReply(
  ctx: UapiContext,
  account: string,
  filters: string,
  rows: Array<Record<string, string>>,
  size: number,
  shape: (pageRows: Array<Record<string, string>>) => Record<string, unknown>,
): Reply {
  const offset = decodeOffset(ctx.trCont, ctx.params.get('CTX_AREA_NK100'));
  const page = pageOf(rows, offset, size);
  const cursor = encodeCursor(`${account.replace('-', '^')}^${filters}`, page.nextOffset);
  // Paper answers an empty result with 70070000 (rt_cd "0", no rows).
  const empty = rows.length === 0 && ctx.personality === 'paper';
  const msgCd = page.more ? 'KIOK0500' : 'KIOK0510';
  return success(
    empty ? '70070000' : msgCd,
    empty ? MSG['70070000'] : padMsg(MSG[msgCd]),
    { ctx_area_fk100: cursor.fk, ctx_area_nk100: cursor.nk, ...shape(page.rows) },
    { tr_cont: responseTrCont(page.continuation, page.more) },
  );
}

export const inquirePsblRvsecncl: Handler = (ctx) => {
  const acc = accountOf(ctx, 'query');
  if (!acc.ok) return acc.reply;
  const ex = ctx.exchange;
  const side = ctx.params.str('INQR_DVSN_2').trim() || '0';
  const bySymbol = ctx.params.str('INQR_DVSN_1').trim() === '1';
  const open = ex
    .openOrders(acc.account)
    .filter((o) => side === '0' || (side === '1' ? o.side === 'sell' : o.side === 'buy'))
    .sort((a, b) => (bySymbol && a.symbol !== b.symbol ? (a.symbol < b.symbol ? -1 : 1) : byOrderNo(a, b)));
  const rows = open.map((o) => ({
    ord_gno_brno: o.orgNo,
    odno: o.orderNo,
    orgn_odno: o.originalOrderNo,
    ord_dvsn_name: ordDvsnName(o.ordDvsn),
    pdno: o.symbol,
    prdt_name: ex.instrument(o.symbol)?.name ?? '',
    rvse_cncl_dvsn_name: o.originalOrderNo ? '정정' : '',
    ord_qty: str(o.qty),
    ord_unpr: str(o.price),
    ord_tmd: o.time,
    tot_ccld_qty: str(o.filledQty),
    tot_ccld_amt: str(o.filledAmount),
    psbl_qty: str(o.remainingQty),
    sll_buy_dvsn_cd: sideCode(o),
    ord_dvsn_cd: o.ordDvsn,
    mgco_aptm_odno: '',
    excg_dvsn_cd: '',
    excg_id_dvsn_cd: o.route,
    excg_id_dvsn_name: EXCG_NAME[o.route] ?? o.route,
    stpm_cndt_pric: str(o.stopPrice),
    stpm_efct_occr_yn: 'N',
  }));
  return pagedReply(ctx, acc.account, `${side}^${bySymbol ? 1 : 0}`, rows, 50, (r) => ({ output: r }));
};

export const inquireDailyCcld: Handler = (ctx) => {
  const acc = accountOf(ctx, 'query');
  if (!acc.ok) return acc.reply;
  const ex = ctx.exchange;
  const p = ctx.params;
  const today = kstYmd(ctx.simNow);
  const from = ymdOr(p.str('INQR_STRT_DT'), today);
  const to = ymdOr(p.str('INQR_END_DT'), today);
  const side = p.str('SLL_BUY_DVSN_CD').trim() || '00';
  const ccld = p.str('CCLD_DVSN').trim() || '00';
  const venue = p.str('EXCG_ID_DVSN_CD').trim().toUpperCase() || 'ALL';
  const pdno = p.str('PDNO').trim();
  const odno = p.str('ODNO').trim();
  const brno = p.str('ORD_GNO_BRNO').trim();
  const ascending = p.str('INQR_DVSN').trim() === '01';

  const orders = ex
    .orders(acc.account, from, to)
    .filter((o) => side === '00' || o.side === (side === '01' ? 'sell' : 'buy'))
    .filter((o) => ccld === '00' || (ccld === '01' ? o.filledQty > 0 : o.remainingQty > 0))
    .filter((o) => venue === 'ALL' || o.route === venue)
    .filter((o) => !pdno || o.symbol === pdno)
    .filter((o) => !odno || o.orderNo === orderNo10(odno))
    .filter((o) => !brno || o.orgNo === brno)
    .sort((a, b) => (ascending ? byOrderNo(a, b) : byOrderNo(b, a)));

  const tlexByOrder = new Map<string, number>();
  for (const f of ex.fills(acc.account, from, to)) tlexByOrder.set(f.orderNo, (tlexByOrder.get(f.orderNo) ?? 0) + f.fee + f.tax);

  const cancelKey = ctx.knobs.altSpellings ? 'cncl_cfrm_qty' : 'cnc_cfrm_qty';
  const rows = orders.map((o) => ({
    ord_dt: o.date,
    ord_gno_brno: o.orgNo,
    odno: o.orderNo,
    orgn_odno: o.originalOrderNo,
    ord_dvsn_name: ordDvsnName(o.ordDvsn),
    sll_buy_dvsn_cd: sideCode(o),
    sll_buy_dvsn_cd_name: o.side === 'sell' ? '현금매도' : '현금매수',
    pdno: o.symbol,
    prdt_name: ex.instrument(o.symbol)?.name ?? '',
    ord_qty: str(o.qty),
    ord_unpr: str(o.price),
    ord_tmd: o.time,
    tot_ccld_qty: str(o.filledQty),
    avg_prvs: str(o.filledQty > 0 ? o.filledAmount / o.filledQty : 0),
    cncl_yn: o.cancelledQty > 0 || o.state === 'cancelled' ? 'Y' : 'N',
    tot_ccld_amt: str(o.filledAmount),
    loan_dt: '',
    ordr_empno: '',
    ord_dvsn_cd: o.ordDvsn,
    [cancelKey]: str(o.cancelledQty),
    rmn_qty: str(o.remainingQty),
    rjct_qty: str(o.rejectedQty),
    ccld_cndt_name: IOC.has(o.ordDvsn) ? 'IOC' : FOK.has(o.ordDvsn) ? 'FOK' : '없음',
    inqr_ip_addr: '',
    cpbc_ordp_ord_rcit_dvsn_cd: '',
    cpbc_ordp_infm_mthd_dvsn_cd: '',
    infm_tmd: '',
    ctac_tlno: '',
    prdt_type_cd: '01',
    excg_dvsn_cd: '01',
    cpbc_ordp_mtrl_dvsn_cd: '',
    ord_orgno: '',
    rsvn_ord_end_dt: '',
    excg_id_dvsn_Cd: o.route, // sic: the spec's capital C
    stpm_cndt_pric: str(o.stopPrice),
    stpm_efct_occr_dtmd: '',
  }));

  let ordQty = 0;
  let ccldQty = 0;
  let ccldAmt = 0;
  let tlex = 0;
  for (const o of orders) {
    ordQty += o.qty;
    ccldQty += o.filledQty;
    ccldAmt += o.filledAmount;
    tlex += tlexByOrder.get(o.orderNo) ?? 0;
  }
  const totals = {
    tot_ord_qty: str(ordQty),
    tot_ccld_qty: str(ccldQty),
    tot_ccld_amt: str(ccldAmt),
    prsm_tlex_smtl: str(tlex),
    pchs_avg_pric: fixed(ccldQty > 0 ? ccldAmt / ccldQty : 0, 4),
  };
  const size = ctx.personality === 'real' ? 100 : 15;
  const filters = `${from}^${to}^${side}^${ccld}^${venue}^${ascending ? '01' : '00'}`;
  return pagedReply(ctx, acc.account, filters, rows, size, (r) => ({ output1: r, output2: totals }));
};
