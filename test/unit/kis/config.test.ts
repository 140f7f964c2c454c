import { describe, expect, it } from 'vitest';
import { demoEnvironment, KisConfigError, parseAccount, validateRestBase } from '../../../src/main/kis';
import { trFor } from '../../../src/main/kis/rest/trs';
import { addMonthsYmd, kstHms, kstYmd, parseKstDateTime } from '../../../src/main/kis/timing';

describe('REST base validation', () => {
  it('https anywhere, http only on loopback', () => {
    expect(validateRestBase('https://openapi.koreainvestment.com:9443')).toBe('https://openapi.koreainvestment.com:9443');
    expect(validateRestBase('http://127.0.0.1:5555')).toBe('http://127.0.0.1:5555');
    expect(validateRestBase('http://localhost:1')).toBe('http://localhost:1');
    expect(validateRestBase('http://[::1]:8080/')).toBe('http://[::1]:8080');
    for (const bad of ['http://openapi.koreainvestment.com:9443', 'http://10.0.0.5:80', 'ftp://127.0.0.1', 'not a url', 'https://u:p@host', 'https://host/path'])
      expect(() => validateRestBase(bad), bad).toThrow(KisConfigError);
  });
  it('the error says why', () => {
    expect(() => validateRestBase('http://example.com')).toThrow(/https.*loopback/);
  });
  it('demo environment follows the simulator personality', () => {
    expect(demoEnvironment({ rest: 'http://127.0.0.1:1', ws: 'ws://127.0.0.1:2', env: 'real' }).paper).toBe(false);
    expect(demoEnvironment({ rest: 'http://127.0.0.1:1', ws: 'ws://127.0.0.1:2', env: 'paper' })).toMatchObject({ kind: 'demo', paper: true });
  });
});

describe('account and TR helpers', () => {
  it('parses the account number forms', () => {
    expect(parseAccount('12345678-01')).toEqual({ cano: '12345678', productCode: '01' });
    expect(parseAccount('1234567801')).toEqual({ cano: '12345678', productCode: '01' });
    expect(() => parseAccount('1234-01')).toThrow(KisConfigError);
  });
  it('paper TRs get V, quotation TRs do not, real-only TRs are refused on paper', () => {
    expect(trFor('TTTC0012U', true)).toBe('VTTC0012U');
    expect(trFor('CTSC9215R', true)).toBe('VTSC9215R');
    expect(trFor('FHKST01010100', true)).toBe('FHKST01010100');
    expect(trFor('TTTC0012U', false)).toBe('TTTC0012U');
    expect(() => trFor('TTTC0084R', true)).toThrow(/paper/);
    expect(() => trFor('CTCA0903R', true)).toThrow(/paper/);
  });
});

describe('KST time helpers', () => {
  it('parses access_token_token_expired as KST', () => {
    expect(parseKstDateTime('2023-12-22 08:16:59')).toBe(Date.parse('2023-12-22T08:16:59+09:00'));
    expect(Number.isNaN(parseKstDateTime('2023/12/22'))).toBe(true);
  });
  it('formats dates and times in KST whatever the machine zone', () => {
    const t = Date.parse('2026-11-23T00:30:00+09:00');
    expect(kstYmd(t)).toBe('20261123');
    expect(kstHms(t)).toBe('003000');
    expect(addMonthsYmd('20261130', -3)).toBe('20260830');
    expect(addMonthsYmd('20260531', -3)).toBe('20260228');
  });
});
