/** Symbol search ranking: exact code > code prefix > exact name > name prefix > substring > 초성 > fuzzy; ties by size. */
import { describe, expect, it } from 'vitest';
import { choseongOf, createInstrumentSearch, normalize, type SearchEntry } from '../../../src/main/market/instruments-search';

const e = (symbol: string, name: string, nameEn: string, weight: number, etp = false): SearchEntry => ({
  info: { symbol, name, nameEn, market: 'KOSPI', etp, nxtEligible: true },
  weight,
});

const UNIVERSE = [
  e('005930', '삼성전자', 'Samsung Electronics', 4_290_000),
  e('005935', '삼성전자우', 'Samsung Electronics Pref', 470_000),
  e('028260', '삼성물산', 'Samsung C&T', 219_000),
  e('009150', '삼성전기', 'Samsung Electro-Mechanics', 99_000),
  e('006400', '삼성SDI', 'Samsung SDI', 167_000),
  e('000660', 'SK하이닉스', 'SK hynix', 1_445_000),
  e('035720', '카카오', 'Kakao', 182_000),
  e('323410', '카카오뱅크', 'KakaoBank', 120_000),
  e('069500', 'KODEX 200', 'KODEX 200', 43_000, true),
  e('105560', 'KB금융', 'KB Financial Group', 330_000),
  e('593000', '전자부품', 'Parts', 10), // a code that contains "5930" and a name that contains 전자
];
const s = createInstrumentSearch(UNIVERSE);
const codes = (q: string, n = 10) => s.search(q, n).map((i) => i.symbol);

describe('instrument search', () => {
  it('helpers: 초성 of a syllable, normalisation', () => {
    expect(choseongOf('삼')).toBe('ㅅ');
    expect(choseongOf('전')).toBe('ㅈ');
    expect(choseongOf('A')).toBe('A');
    expect(normalize(' Samsung  Electro-Mechanics ')).toBe('samsungelectromechanics');
  });

  it('exact code first, then code prefixes (shorter remainder first), never substrings of codes', () => {
    expect(codes('005930')[0]).toBe('005930');
    expect(codes('00593')).toEqual(['005930', '005935']);
    expect(codes('5930')).not.toContain('005930');
    expect(codes('5930')[0]).toBe('593000');
  });

  it('삼성 → 삼성전자 first (prefix matches ranked by size), exact name beats a longer prefix match', () => {
    const r = codes('삼성');
    expect(r[0]).toBe('005930');
    expect(r.slice(0, 5).sort()).toEqual(['005930', '005935', '006400', '009150', '028260']);
    expect(codes('삼성전자').slice(0, 2)).toEqual(['005930', '005935']);
    // Name prefix outranks a substring: 전자부품 starts with 전자, 삼성전자 only contains it.
    expect(codes('전자')[0]).toBe('593000');
    expect(codes('전자')).toContain('005930');
  });

  it('English names, case- and space-insensitive', () => {
    expect(codes('samsung elec')[0]).toBe('005930');
    expect(codes('SAMSUNG SDI')[0]).toBe('006400');
    expect(codes('hynix')[0]).toBe('000660');
    expect(codes('kodex')[0]).toBe('069500');
  });

  it('초성 and mixed queries: ㅅㅅㅈㅈ → 삼성전자, 삼ㅅ전ㅈ → 삼성전자, ㅋㅋㅇ → 카카오 then 카카오뱅크', () => {
    expect(codes('ㅅㅅㅈㅈ')[0]).toBe('005930');
    expect(codes('삼ㅅ전ㅈ')[0]).toBe('005930');
    expect(codes('ㅋㅋㅇ')).toEqual(['035720', '323410']);
    expect(codes('ㅈㅈ')).toEqual(expect.arrayContaining(['005930', '593000']));
  });

  it('fuzzy subsequence as the last resort, below every direct match', () => {
    expect(codes('삼전')[0]).toBe('005930'); // 삼성전자: 삼…전
    const r = codes('kb');
    expect(r[0]).toBe('105560');
    expect(codes('zzzz')).toEqual([]);
    expect(codes('')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(s.search('삼성', 2)).toHaveLength(2);
    expect(s.search('삼성', 0)).toEqual([]);
  });
});
