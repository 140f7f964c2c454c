/**
 * Stock master files (kis-api.md §10): `kospi_code.mst.zip` / `kosdaq_code.mst.zip` in the exact layout the
 * official parser reads — cp949 lines of `code(9) isin(12) name` + a fixed-width ASCII tail of 227 (KOSPI, 70
 * fields) / 221 (KOSDAQ, 64 fields) characters — zipped, served from the simulator's own universe. No NXT files.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import type { Instrument } from '../exchange/types';

/** Tail widths, in the official parser's order (OTA stocks_info/kis_kospi_code_mst.py, kis_kosdaq_code_mst.py). */
const KOSPI_WIDTHS = [2, 1, 4, 4, 4, ...Array<number>(26).fill(1), 9, 5, 5, 1, 1, 1, 2, 1, 1, 1, 2, 2, 2, 3, 1, 3, 12, 12, 8, 15, 21, 2, 7, 1, 1, 1, 1, 1, 9, 9, 9, 5, 9, 8, 9, 3, 1, 1, 1];
const KOSDAQ_WIDTHS = [2, 1, 4, 4, 4, ...Array<number>(21).fill(1), 9, 5, 5, 1, 1, 1, 2, 1, 1, 1, 2, 2, 2, 3, 1, 3, 12, 12, 8, 15, 21, 2, 7, 1, 1, 1, 1, 9, 9, 9, 5, 9, 8, 9, 3, 1, 1, 1];

export const MASTER_TAIL = { KOSPI: 227, KOSDAQ: 221 } as const;

type Cell = string | number;

/** Numbers right-aligned zero-padded, flags and codes left-aligned space-padded, each cut to its width. */
function fixedWidth(cells: Cell[], widths: number[]): string {
  return widths
    .map((w, i) => {
      const c = cells[i] ?? '';
      const s = typeof c === 'number' ? String(Math.max(0, Math.trunc(c))).padStart(w, '0') : c.padEnd(w, ' ');
      return s.slice(-w);
    })
    .join('');
}

function tailCells(inst: Instrument, market: 'KOSPI' | 'KOSDAQ'): Cell[] {
  const group = inst.etp ? (inst.code.startsWith('Q') ? 'EN' : 'EF') : 'ST';
  const flags = (n: number): Cell[] => Array<Cell>(n).fill('N');
  const common: Cell[] = [
    inst.prevClose, // 기준가
    1, // 매매수량단위
    1, // 시간외수량단위
    inst.halted ? 'Y' : 'N', // 거래정지
    'N', // 정리매매
    'N', // 관리종목
    '00', // 시장경고
    'N', // 경고예고
    'N', // 불성실공시
    'N', // 우회상장
    '00', // 락구분
    '00', // 액면변경
    '00', // 증자구분
    20, // 증거금비율
    inst.etp ? 'N' : 'Y', // 신용가능
    90, // 신용기간
    0, // 전일거래량
    100, // 액면가
    '20000101', // 상장일자
    Math.floor(inst.listedShares / 1000), // 상장주수(천)
    0, // 자본금
    '12', // 결산월
    0, // 공모가
    '0', // 우선주
    'N', // 공매도과열
    'N', // 이상급등
    'N', // KRX300
  ];
  const financials: Cell[] = [0, 0, 0, 0, 0, '20260630', Math.floor((inst.prevClose * inst.listedShares) / 1e8), '000', 'N', 'Y', 'Y'];
  if (market === 'KOSPI') {
    // 그룹코드, 시가총액규모, 업종 대/중/소, 26 one-char flags (제조업 … SRI), then the common block.
    return [group, '1', '0000', '0000', '0000', ...flags(26), ...common, 'Y', ...financials];
  }
  return [group, '1', '0000', '0000', '0000', ...flags(21), ...common, ...financials];
}

/** cp949 encoder built once from the platform's euc-kr (= windows-949) decoder. */
let cp949: Map<string, number[]> | null = null;
function encodeCp949(text: string): Buffer {
  if (!cp949) {
    cp949 = new Map();
    const dec = new TextDecoder('euc-kr');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x41; trail <= 0xfe; trail++) {
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !cp949.has(ch)) cp949.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(...(cp949.get(ch) ?? [0x3f])); // '?' for anything cp949 cannot hold
  }
  return Buffer.from(out);
}

export function masterFile(instruments: Instrument[], market: 'KOSPI' | 'KOSDAQ'): Buffer {
  const widths = market === 'KOSPI' ? KOSPI_WIDTHS : KOSDAQ_WIDTHS;
  const lines = instruments
    .filter((i) => i.market === market)
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((i) => Buffer.concat([encodeCp949(`${i.code.padEnd(9)}${i.isin.padEnd(12)}${i.name}`), Buffer.from(`${fixedWidth(tailCells(i, market), widths)}\n`, 'ascii')]));
  return Buffer.concat(lines);
}

/** A one-entry ZIP archive (deflate), as `zipfile.ZipFile(...).extractall()` expects. */
export function zipOne(name: string, data: Buffer, dosDate: { date: number; time: number }): Buffer {
  const packed = deflateRawSync(data);
  const crc = crc32(data);
  const fileName = Buffer.from(name, 'ascii');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(0, 6); // flags
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt16LE(dosDate.time, 10);
  local.writeUInt16LE(dosDate.date, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  local.writeUInt16LE(0, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // version made by
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt16LE(dosDate.time, 12);
  central.writeUInt16LE(dosDate.date, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  // extra, comment, disk, internal attrs = 0; external attrs = 0; offset of local header = 0
  const localSize = local.length + fileName.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(localSize, 16);
  return Buffer.concat([local, fileName, packed, central, fileName, end]);
}

/** MS-DOS date/time fields of a KST wall time (YYYYMMDD, HHMMSS). */
export function dosDateTime(ymd: string, hms: string): { date: number; time: number } {
  const y = Number(ymd.slice(0, 4));
  const mo = Number(ymd.slice(4, 6));
  const d = Number(ymd.slice(6, 8));
  const h = Number(hms.slice(0, 2));
  const mi = Number(hms.slice(2, 4));
  const s = Number(hms.slice(4, 6));
  return { date: ((y - 1980) << 9) | (mo << 5) | d, time: (h << 11) | (mi << 5) | Math.floor(s / 2) };
}

const FILES: Record<string, 'KOSPI' | 'KOSDAQ'> = {
  '/common/master/kospi_code.mst.zip': 'KOSPI',
  '/common/master/kosdaq_code.mst.zip': 'KOSDAQ',
};

/** The zipped master file for a request path, or null (404) — NXT files are not served (kis-api.md §10). */
export function masterZipFor(path: string, instruments: Instrument[], ymd: string, hms: string): Buffer | null {
  const market = FILES[path];
  if (!market) return null;
  const name = market === 'KOSPI' ? 'kospi_code.mst' : 'kosdaq_code.mst';
  return zipOne(name, masterFile(instruments, market), dosDateTime(ymd, hms));
}
