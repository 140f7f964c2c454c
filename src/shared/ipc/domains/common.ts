/** Schemas several domains share: symbols, venues, sides — in the trader's words. */
import { z } from 'zod';
import { text } from '../schemas';

export const symbolSchema = z.string().regex(/^(\d{6}|Q\d{6})$/, '종목코드는 6자리입니다 / a symbol code is 6 characters');
export const venueSchema = z.enum(['KRX', 'NXT']);
/** Where an order goes: one venue, or SOR (smart routing across both). */
export const routeSchema = z.enum(['KRX', 'NXT', 'SOR']);
/** Quote views: one venue, or UN (통합, KRX+NXT combined). */
export const quoteVenueSchema = z.enum(['KRX', 'NXT', 'UN']);
export const sideSchema = z.enum(['buy', 'sell']);
export const ymdSchema = z.string().regex(/^\d{8}$/);
export const hhmmssSchema = z.string().regex(/^\d{6}$/);

/** A message shown to the trader, in both languages. */
export const bilingualSchema = z.strictObject({ ko: text(500), en: text(500) });
export type Bilingual = z.infer<typeof bilingualSchema>;
