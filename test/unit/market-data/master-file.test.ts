/**
 * The KIS master-file parser on real-format bytes: cp949 text (incl. a UHC-only syllable), a variable Korean
 * name, and the fixed-width tail laid out from the official field_specs (OTA stocks_info/kis_kospi_code_mst.py,
 * kis_kosdaq_code_mst.py) — positions computed here from those widths, not from the parser's constants.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMasterFile } from '../../../src/main/market/master-file';
import { readZipEntry } from '../../../src/main/market/zip';

// Official widths, copied as published (70 KOSPI fields = 227 chars, 64 KOSDAQ fields = 221 chars).
const KOSPI_SPECS = [2, 1, 4, 4, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9, 5, 5, 1, 1, 1, 2, 1, 1, 1, 2, 2, 2, 3, 1, 3, 12, 12, 8, 15, 21, 2, 7, 1, 1, 1, 1, 1, 9, 9, 9, 5, 9, 8, 9, 3, 1, 1, 1];
// prettier-ignore
const KOSDAQ_SPECS = [2, 1,
  4, 4, 4, 1, 1,
  1, 1, 1, 1, 1,
  1, 1, 1, 1, 1,
  1, 1, 1, 1, 1,
  1, 1, 1, 1, 9,
  5, 5, 1, 1, 1,
  2, 1, 1, 1, 2,
  2, 2, 3, 1, 3,
  12, 12, 8, 15, 21,
  2, 7, 1, 1, 1,
  1, 9, 9, 9, 5,
  9, 8, 9, 3, 1,
  1, 1];
// Field indexes in those lists (0-based): 그룹코드 0; 기준가 31/26; 거래정지 34/29; 관리종목 36/31; 시가총액 65/59.
const KOSPI_IX = { group: 0, base: 31, halted: 34, admin: 36, cap: 65 };
const KOSDAQ_IX = { group: 0, base: 26, halted: 29, admin: 31, cap: 59 };

function tail(specs: number[], values: Record<number, string>): string {
  return specs.map((w, i) => (values[i] ?? (w === 1 ? 'N' : '0'.repeat(w))).padStart(w, '0').slice(-w)).join('');
}

/**
 * cp949 bytes: KS X 1001 characters from the platform decoder's table; the UHC-extension syllables used here
 * are written as the bytes Python's cp949 codec produces ('뷁' = 94 EE, '똠' = 8C 63 — its trail byte is ASCII 'c').
 */
const UHC_EXTENSION: Record<string, number[]> = { 뷁: [0x94, 0xee], 똠: [0x8c, 0x63] };
const table = (() => {
  const dec = new TextDecoder('euc-kr');
  const m = new Map<string, number[]>();
  for (let a = 0xa1; a <= 0xfe; a++)
    for (let b = 0xa1; b <= 0xfe; b++) {
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !m.has(ch)) m.set(ch, [a, b]);
    }
  return m;
})();
function cp949(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const pair = UHC_EXTENSION[ch] ?? table.get(ch);
      if (!pair) throw new Error(`not in the test encoder: ${ch}`);
      out.push(...pair);
    }
  }
  return Buffer.from(out);
}

function line(code: string, isin: string, name: string, t: string): string {
  return `${code.padEnd(9, ' ')}${isin.padEnd(12, ' ')}${name}${t}`;
}

const kospiTail = (group: string, base: number, halted: boolean, admin: boolean, capEok: number) =>
  tail(KOSPI_SPECS, { [KOSPI_IX.group]: group, [KOSPI_IX.base]: String(base), [KOSPI_IX.halted]: halted ? 'Y' : 'N', [KOSPI_IX.admin]: admin ? 'Y' : 'N', [KOSPI_IX.cap]: String(capEok) });
const kosdaqTail = (group: string, base: number, halted: boolean, admin: boolean, capEok: number) =>
  tail(KOSDAQ_SPECS, { [KOSDAQ_IX.group]: group, [KOSDAQ_IX.base]: String(base), [KOSDAQ_IX.halted]: halted ? 'Y' : 'N', [KOSDAQ_IX.admin]: admin ? 'Y' : 'N', [KOSDAQ_IX.cap]: String(capEok) });

const dir = mkdtempSync(join(tmpdir(), 'aegis-mst-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('KIS master files', () => {
  it('the official widths add up to the documented tails', () => {
    expect(KOSPI_SPECS.reduce((a, b) => a + b)).toBe(227);
    expect(KOSPI_SPECS).toHaveLength(70);
    expect(KOSDAQ_SPECS.reduce((a, b) => a + b)).toBe(221);
    // 64 widths (kis-api.md §10 says 63 fields; the official list has 64 that add up to the same 221 chars).
    expect(KOSDAQ_SPECS).toHaveLength(64);
  });

  it('parses kospi_code.mst from cp949 bytes on disk: codes, ISIN, Korean names, group → ETP, base price, flags, market cap', () => {
    const text = [
      line('005930', 'KR7005930003', '삼성전자', kospiTail('ST', 71900, false, false, 4292274)),
      line('005935', 'KR7005931001', '삼성전자우', kospiTail('ST', 58000, false, false, 476000)),
      line('069500', 'KR7069500007', 'KODEX 200', kospiTail('EF', 36455, false, false, 43100)),
      line('Q500001', 'KRG500010001', '신한 인버스 WTI원유 선물 ETN', kospiTail('EN', 12345, true, false, 120)),
      // UHC-only syllables (not in KS X 1001): cp949, not plain EUC-KR; 똠's second byte is an ASCII letter.
      line('900001', 'KR7900001009', '뷁테스트홀딩스', kospiTail('ST', 1000, false, true, 5)),
      line('900002', 'KR7900002007', '똠양꿍식품', kospiTail('ST', 2000, false, false, 6)),
    ].join('\r\n');
    const bytes = Buffer.concat([cp949(text), Buffer.from('\r\n')]);
    expect(bytes.includes(Buffer.from('삼성전자', 'utf8'))).toBe(false); // really not UTF-8
    const file = join(dir, 'kospi_code.mst');
    writeFileSync(file, bytes);

    const { records, skipped } = parseMasterFile(readFileSync(file), 'KOSPI');
    expect(skipped).toBe(0);
    expect(records).toHaveLength(6);
    expect(records[0]).toEqual({
      symbol: '005930',
      isin: 'KR7005930003',
      name: '삼성전자',
      market: 'KOSPI',
      group: 'ST',
      etp: false,
      basePrice: 71900,
      halted: false,
      administrative: false,
      marketCap: 4292274,
    });
    expect(records[2]).toMatchObject({ symbol: '069500', name: 'KODEX 200', etp: true, group: 'EF' });
    expect(records[3]).toMatchObject({ symbol: 'Q500001', name: '신한 인버스 WTI원유 선물 ETN', etp: true, halted: true, basePrice: 12345 });
    expect(records[4]).toMatchObject({ symbol: '900001', name: '뷁테스트홀딩스', administrative: true, marketCap: 5 });
    expect(records[5]).toMatchObject({ symbol: '900002', name: '똠양꿍식품', basePrice: 2000, marketCap: 6 });
  });

  it('parses kosdaq_code.mst with its shorter 221-character tail', () => {
    const text = `${[line('247540', 'KR7247540008', '에코프로비엠', kosdaqTail('ST', 118400, false, false, 115800)), line('028300', 'KR7028300002', 'HLB', kosdaqTail('ST', 58900, true, true, 77100))].join('\n')}\n`;
    const { records } = parseMasterFile(cp949(text), 'KOSDAQ');
    expect(records.map((r) => [r.symbol, r.name, r.basePrice, r.halted, r.administrative, r.marketCap])).toEqual([
      ['247540', '에코프로비엠', 118400, false, false, 115800],
      ['028300', 'HLB', 58900, true, true, 77100],
    ]);
    // Read with the KOSPI layout, the same bytes put the head/tail split in the wrong place: the layouts differ.
    expect(parseMasterFile(cp949(text), 'KOSPI').records.map((r) => r.name)).not.toEqual(['에코프로비엠', 'HLB']);
  });

  it('skips short, blank and code-less lines without failing the file', () => {
    const good = line('000660', 'KR7000660001', 'SK하이닉스', kospiTail('ST', 198500, false, false, 1445000));
    const text = ['', 'garbage', line('ABC', 'KR7000000000', '이상한줄', kospiTail('ST', 1, false, false, 1)), good, '   '].join('\n');
    const r = parseMasterFile(cp949(text), 'KOSPI');
    expect(r.records.map((x) => x.symbol)).toEqual(['000660']);
    expect(r.skipped).toBe(2);
  });

  it('reads the .mst out of a deflated or stored zip; refuses a non-zip and a missing entry', () => {
    const payload = cp949(`${line('005930', 'KR7005930003', '삼성전자', kospiTail('ST', 71900, false, false, 1))}\n`);
    for (const method of [0, 8] as const) {
      const zip = makeZip('kospi_code.mst', payload, method);
      expect(readZipEntry(zip, 'kospi_code.mst').equals(payload)).toBe(true);
    }
    expect(() => readZipEntry(Buffer.from('not a zip at all, clearly'), 'kospi_code.mst')).toThrow(/not a zip/);
    expect(() => readZipEntry(makeZip('other.mst', payload, 8), 'kospi_code.mst')).toThrow(/no entry/);
  });
});

/** A one-entry zip (local header + central directory + EOCD); CRC left 0 — the reader does not check it. */
function makeZip(name: string, data: Buffer, method: 0 | 8): Buffer {
  const body = method === 8 ? deflateRawSync(data) : data;
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(n.length, 26);
  const cen = Buffer.alloc(46);
  cen.writeUInt32LE(0x02014b50, 0);
  cen.writeUInt16LE(method, 10);
  cen.writeUInt32LE(body.length, 20);
  cen.writeUInt32LE(data.length, 24);
  cen.writeUInt16LE(n.length, 28);
  cen.writeUInt32LE(0, 42);
  const cenOffset = local.length + n.length + body.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(cen.length + n.length, 12);
  eocd.writeUInt32LE(cenOffset, 16);
  return Buffer.concat([local, n, body, cen, n, eocd]);
}

describe('cp949 decoding', () => {
  it('decodes KS X 1001 and the UHC extension, including pairs whose trail byte is ASCII', async () => {
    const { decodeCp949 } = await import('../../../src/main/market/cp949');
    // Bytes from Python's cp949 codec.
    const bytes = Buffer.from('bbefbcbac0fcc0da' + '94ee' + '8c63' + '8141' + 'c651' + '41', 'hex');
    expect(decodeCp949(bytes)).toBe('삼성전자뷁똠갂힢A');
    // An unmapped lead with an ASCII follower keeps the ASCII character (so the fixed-width tail stays intact).
    expect(decodeCp949(Buffer.from([0xc7, 0x41, 0x42]))).toBe('\ufffdAB');
  });
});
