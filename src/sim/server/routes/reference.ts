/**
 * chk-holiday (§4.11, real only, paged with CTX_AREA_FK/NK) and search-stock-info (§4.12, real only,
 * PDNO → NXT eligibility and halts).
 */
import { weekdayOf } from '../../../shared/market/time';
import { businessReject, inputError, success, quoteOk } from '../envelope';
import { MSG, padMsg } from '../messages';
import { decodeOffset, encodeCursor, pageOf, responseTrCont } from '../paging';
import { str, yn, type Handler } from './common';

/** Rows per chk-holiday page, and how far ahead one query reaches (two pages). */
const HOLIDAY_PAGE = 23;
const HOLIDAY_HORIZON = 46;

export const chkHoliday: Handler = (ctx) => {
  const base = ctx.params.str('BASS_DT').trim();
  if (!/^\d{8}$/.test(base)) return inputError('OPSQ2002');
  const rows = ctx.exchange.calendar(base, HOLIDAY_HORIZON).map((d) => ({
    bass_dt: d.date,
    // 01 = Sunday … 07 = Saturday, computed from the date so it cannot drift from the row.
    wday_dvsn_cd: String(weekdayOf(d.date) + 1).padStart(2, '0'),
    bzdy_yn: yn(d.businessDay),
    tr_day_yn: yn(d.tradingDay),
    opnd_yn: yn(d.open),
    sttl_day_yn: yn(d.settlementDay),
  }));
  const offset = decodeOffset(ctx.trCont, ctx.params.get('CTX_AREA_NK'));
  const page = pageOf(rows, offset, HOLIDAY_PAGE);
  const cursor = encodeCursor(base, page.nextOffset, 20);
  return success('KIOK0510', padMsg(MSG.KIOK0510), { ctx_area_nk: cursor.nk, ctx_area_fk: cursor.fk, output: page.rows }, {
    tr_cont: responseTrCont(page.continuation, page.more),
  });
};

export const searchStockInfo: Handler = (ctx) => {
  const inst = ctx.exchange.instrument(ctx.params.str('PDNO').trim());
  if (!inst) return businessReject('APBK0656', MSG.APBK0656);
  const q = ctx.exchange.quote(inst.code, 'KRX');
  return quoteOk({
    output: {
      pdno: inst.code,
      prdt_type_cd: '300',
      mket_id_cd: inst.market === 'KOSPI' ? 'STK' : inst.market === 'KOSDAQ' ? 'KSQ' : 'KNX',
      scty_grp_id_cd: inst.etp ? (inst.code.startsWith('Q') ? 'EN' : 'EF') : 'ST',
      excg_dvsn_cd: inst.market === 'KOSPI' ? '02' : inst.market === 'KOSDAQ' ? '03' : '04',
      setl_mmdd: '1231',
      lstg_stqt: str(inst.listedShares),
      lstg_cptl_amt: '0',
      cpta: '0',
      papr: '100',
      issu_pric: '0',
      kospi200_item_yn: 'N',
      prdt_name: inst.name,
      prdt_name120: inst.name,
      prdt_abrv_name: inst.name,
      std_pdno: inst.isin,
      prdt_eng_name: inst.nameEn,
      prdt_eng_name120: inst.nameEn,
      prdt_eng_abrv_name: inst.nameEn,
      tr_stop_yn: yn(inst.halted),
      admn_item_yn: 'N',
      thdt_clpr: str(q?.last || inst.prevClose),
      bfdy_clpr: str(inst.prevClose),
      clpr_chng_dt: '',
      std_idst_clsf_cd: '',
      std_idst_clsf_cd_name: '',
      cptt_trad_tr_psbl_yn: yn(inst.nxtEligible),
      nxt_tr_stop_yn: yn(inst.nxtHalted),
    },
  });
};
