/** What the trader reads about a fill or a refusal, in both languages. Pure. */
import type { Bilingual } from '../../shared/ipc/domains/common';
import type { Side, Venue } from '../store';

/** 1234567 → '1,234,567' (no locale lookup: the same text on every machine). */
export function thousands(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const SIDE_KO: Record<Side, string> = { buy: '매수', sell: '매도' };
const SIDE_EN: Record<Side, string> = { buy: 'Buy', sell: 'Sell' };

export interface FillText {
  name: string;
  nameEn: string;
  side: Side;
  qty: number;
  price: number;
  venue: Venue;
}

export function fillMessage(f: FillText): { title: Bilingual; body: Bilingual } {
  return {
    title: { ko: `체결 · ${f.name} ${SIDE_KO[f.side]}`, en: `Filled · ${f.nameEn} ${SIDE_EN[f.side]}` },
    body: {
      ko: `${thousands(f.qty)}주 @ ${thousands(f.price)}원 · ${f.venue}`,
      en: `${thousands(f.qty)} sh @ ₩${thousands(f.price)} · ${f.venue}`,
    },
  };
}

export interface RefusalText {
  name: string;
  nameEn: string;
  side: Side;
  qty: number;
  orderNo: string;
}

export function refusalMessage(r: RefusalText): { title: Bilingual; body: Bilingual } {
  return {
    title: { ko: `주문 거부 · ${r.name} ${SIDE_KO[r.side]}`, en: `Order refused · ${r.nameEn} ${SIDE_EN[r.side]}` },
    body: {
      ko: `${thousands(r.qty)}주 주문(번호 ${r.orderNo})을 거래소가 거부했습니다`,
      en: `The exchange refused the order for ${thousands(r.qty)} sh (no. ${r.orderNo})`,
    },
  };
}
