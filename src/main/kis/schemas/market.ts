/** chk-holiday and search-stock-info replies (kis-api.md §4.11, §4.12). */
import { z } from 'zod';
import type { CalendarDay } from '../types';
import { text, yn, ymd } from './fields';

const holidayRow = z
  .object({
    bass_dt: ymd,
    wday_dvsn_cd: text,
    bzdy_yn: text,
    tr_day_yn: text,
    opnd_yn: text,
    sttl_day_yn: text,
  })
  .transform(
    (r): CalendarDay => ({
      date: r.bass_dt,
      weekday: Number(r.wday_dvsn_cd.trim()) || 0,
      businessDay: r.bzdy_yn.trim() === 'Y',
      tradingDay: r.tr_day_yn.trim() === 'Y',
      open: r.opnd_yn.trim() === 'Y',
      settlementDay: r.sttl_day_yn.trim() === 'Y',
    }),
  );

export const holidaysPageSchema = z.object({ output: z.array(holidayRow).optional().default([]) });

export const stockInfoSchema = z.object({
  output: z.object({
    pdno: z.string().optional(),
    cptt_trad_tr_psbl_yn: text,
    nxt_tr_stop_yn: yn,
    tr_stop_yn: yn,
    admn_item_yn: yn,
  }),
});
