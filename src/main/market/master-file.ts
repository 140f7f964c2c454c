/**
 * KIS stock master files (kis-api.md §10): kospi_code.mst / kosdaq_code.mst, cp949, one record per line.
 * A line is a variable head — 단축코드 (9, right-padded), 표준코드/ISIN (12), 한글명 (rest) — followed by a
 * fixed-width ASCII tail of 227 (KOSPI, 70 fields) or 221 (KOSDAQ, 64 fields in the official list) characters without the newline.
 * Because the tail is ASCII, slicing the decoded line by characters from the end is exact.
 *
 * Tail offsets used here (0-based, from the official field_specs):
 *   KOSPI : 그룹코드 0-1, 기준가 41-49, 거래정지 60, 관리종목 62, 시가총액 212-220 (억원)
 *   KOSDAQ: 그룹코드 0-1, 기준가 36-44, 거래정지 55, 관리종목 57, 시가총액 206-214 (억원)
 */
import { decodeCp949 } from './cp949';

export type MasterMarket = 'KOSPI' | 'KOSDAQ';

export interface MasterRecord {
  symbol: string;
  isin: string;
  name: string;
  market: MasterMarket;
  /** 증권그룹구분코드: ST 주권, EF ETF, EN ETN, RT 리츠, MF 투자회사, … */
  group: string;
  etp: boolean;
  basePrice: number;
  halted: boolean;
  administrative: boolean;
  /** 억원; 0 when blank. Used to rank search results. */
  marketCap: number;
}

interface Layout {
  tail: number;
  basePrice: [number, number];
  halted: number;
  administrative: number;
  marketCap: [number, number];
}

export const MASTER_LAYOUT: Record<MasterMarket, Layout> = {
  KOSPI: { tail: 227, basePrice: [41, 50], halted: 60, administrative: 62, marketCap: [212, 221] },
  KOSDAQ: { tail: 221, basePrice: [36, 45], halted: 55, administrative: 57, marketCap: [206, 215] },
};

const ETP_GROUPS = new Set(['EF', 'EN']);
const SYMBOL = /^(\d{6}|Q\d{6})$/;
const HEAD_FIXED = 21;

const intOf = (s: string): number => {
  const n = Number.parseInt(s.trim(), 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
};

export interface ParseResult {
  records: MasterRecord[];
  /** Lines that were too short or carried no usable code (counted, not fatal). */
  skipped: number;
}

/** Parses the raw bytes of one master file. Never throws on a bad line: it is skipped and counted. */
export function parseMasterFile(bytes: Uint8Array, market: MasterMarket): ParseResult {
  const layout = MASTER_LAYOUT[market];
  // cp949 (UHC), decoded by our own table: the platform 'euc-kr' decoder may know only KS X 1001 (cp949.ts).
  const text = decodeCp949(bytes);
  const records: MasterRecord[] = [];
  let skipped = 0;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    if (line.length < layout.tail + HEAD_FIXED) {
      skipped++;
      continue;
    }
    const head = line.slice(0, line.length - layout.tail);
    const tail = line.slice(line.length - layout.tail);
    const symbol = head.slice(0, 9).trimEnd();
    const name = head.slice(HEAD_FIXED).trim();
    if (!SYMBOL.test(symbol) || name === '') {
      skipped++;
      continue;
    }
    const group = tail.slice(0, 2);
    records.push({
      symbol,
      isin: head.slice(9, 21).trimEnd(),
      name,
      market,
      group,
      etp: ETP_GROUPS.has(group),
      basePrice: intOf(tail.slice(...layout.basePrice)),
      halted: tail[layout.halted] === 'Y',
      administrative: tail[layout.administrative] === 'Y',
      marketCap: intOf(tail.slice(...layout.marketCap)),
    });
  }
  return { records, skipped };
}
