import { describe, expect, it } from 'vitest';
import { FieldIndex } from '../../../../src/main/kis/realtime/fields';

function fieldsOf(payload: string): FieldIndex {
  const f = new FieldIndex();
  f.scan(payload, 0);
  return f;
}

describe('FieldIndex', () => {
  it('keeps empty and trailing fields', () => {
    const f = fieldsOf('a^^b^');
    expect(f.count).toBe(4);
    expect([0, 1, 2, 3].map((i) => f.str(i))).toEqual(['a', '', 'b', '']);
    expect(fieldsOf('').count).toBe(1);
  });

  it('indexes from an offset (past a frame header) and grows past its initial buffer', () => {
    const many = Array.from({ length: 2000 }, (_, i) => String(i)).join('^');
    const f = new FieldIndex();
    expect(f.scan(`0|X|001|${many}`, 8)).toBe(2000);
    expect(f.int(0)).toBe(0);
    expect(f.int(1999)).toBe(1999);
  });

  it('reads integers like Number() for the shapes KIS sends', () => {
    const texts = ['0', '71900', '-100', '+5', '219853241700', '9007199254740991', '000123', ' 42', '42 '];
    const f = fieldsOf(texts.join('^'));
    texts.forEach((t, i) => expect(f.int(i)).toBe(Number(t)));
  });

  it('reads "-0" as 0 and blanks as 0', () => {
    const f = fieldsOf('-0^^  ');
    expect(Object.is(f.int(0), 0)).toBe(true);
    expect(f.int(1)).toBe(0);
    expect(f.int(2)).toBe(0);
  });

  it('gives NaN for anything that is not an integer', () => {
    const f = fieldsOf('1.5^12a^-^1,000^１２');
    for (let i = 0; i < 5; i++) expect(f.int(i)).toBeNaN();
  });

  it('reads decimals exactly as Number() does', () => {
    const texts = ['-0.14', '72023.83', '84.90', '0.05', '125.92', '100', '-3.', '.5', '0.000000000000000001', '29.99999'];
    const f = fieldsOf(texts.join('^'));
    texts.forEach((t, i) => expect(f.dec(i)).toBe(Number(t)));
    expect(fieldsOf('1.2.3').dec(0)).toBeNaN();
    expect(fieldsOf('abc').dec(0)).toBeNaN();
  });
});
