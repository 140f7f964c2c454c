import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { kstEpoch } from '../../../src/shared/market/time';
import { createExchange } from '../../../src/sim/exchange/index';
import { crc32, masterFile, masterZip } from '../../../src/sim/fixtures/master';
import { isinFor } from '../../../src/sim/fixtures/universe';

const ex = createExchange({ seed: 1, startMs: kstEpoch('20261123', '070000') });

/** Parse like the official Python parser (cp949 text, tail = last 228/222 chars incl. the newline). */
function parse(bytes: Uint8Array, tailWithNewline: number) {
  const text = new TextDecoder('euc-kr').decode(bytes);
  const rows = text.split(/(?<=\n)/).filter((r) => r.length > 0);
  return rows.map((row) => {
    const head = row.slice(0, row.length - tailWithNewline);
    const tail = row.slice(-tailWithNewline);
    return { code: head.slice(0, 9).trimEnd(), isin: head.slice(9, 21).trimEnd(), name: head.slice(21).trim(), tail };
  });
}

describe('KIS master files (§10)', () => {
  it('writes cp949 records the official KOSPI/KOSDAQ parsers slice correctly', () => {
    const kospi = parse(masterFile(ex.instruments(), 'KOSPI'), 228);
    const samsung = kospi.find((r) => r.code === '005930')!;
    expect(samsung).toMatchObject({ isin: 'KR7005930003', name: '삼성전자' });
    expect(samsung.tail).toHaveLength(228);
    expect(samsung.tail.slice(0, 2)).toBe('ST');
    expect(samsung.tail.slice(41, 50)).toBe(String(ex.instrument('005930')!.basePrice).padStart(9, '0')); // 기준가 after 41 chars
    const etf = kospi.find((r) => r.code === '069500')!;
    expect(etf.tail.slice(0, 2)).toBe('EF');
    const kosdaq = parse(masterFile(ex.instruments(), 'KOSDAQ'), 222);
    expect(kosdaq.map((r) => r.name)).toEqual(expect.arrayContaining(['에코프로비엠', '에코프로', '알테오젠', 'HLB', '레인보우로보틱스']));
    expect(kosdaq.every((r) => r.tail.length === 222 && /^[\x20-\x7e]+\n$/.test(r.tail))).toBe(true);
    expect(kospi.some((r) => r.code === '247540')).toBe(false);
  });

  it('zips deterministically with a valid CRC', () => {
    const zip = masterZip(ex.instruments(), 'KOSPI');
    expect(masterZip(ex.instruments(), 'KOSPI').equals(zip)).toBe(true);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    const nameLen = zip.readUInt16LE(26);
    expect(zip.subarray(30, 30 + nameLen).toString()).toBe('kospi_code.mst');
    const compressed = zip.readUInt32LE(18);
    const data = inflateRawSync(zip.subarray(30 + nameLen, 30 + nameLen + compressed));
    expect(crc32(data)).toBe(zip.readUInt32LE(14));
    expect(Buffer.from(masterFile(ex.instruments(), 'KOSPI')).equals(data)).toBe(true);
  });

  it('computes ISIN check digits', () => {
    expect(isinFor('005930')).toBe('KR7005930003');
    expect(isinFor('000660')).toBe('KR7000660001');
    expect(isinFor('069500')).toBe('KR7069500007');
  });
});
