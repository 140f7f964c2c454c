import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../../src/sim/handle';
import { startTestSim } from './kis';

/** Read the single entry of a ZIP the way any unzip would: local header → deflated data. */
function unzipOne(zip: Buffer): { name: string; data: Buffer } {
  expect(zip.readUInt32LE(0)).toBe(0x04034b50);
  const method = zip.readUInt16LE(8);
  const packedSize = zip.readUInt32LE(18);
  const size = zip.readUInt32LE(22);
  const nameLen = zip.readUInt16LE(26);
  const extraLen = zip.readUInt16LE(28);
  const name = zip.subarray(30, 30 + nameLen).toString('ascii');
  const start = 30 + nameLen + extraLen;
  const data = method === 8 ? inflateRawSync(zip.subarray(start, start + packedSize)) : zip.subarray(start, start + packedSize);
  expect(data.length).toBe(size);
  expect(zip.readUInt32LE(zip.length - 22)).toBe(0x06054b50);
  return { name, data };
}

describe('stock master files (kis-api.md §10)', () => {
  let s: SimHandle;
  beforeAll(async () => {
    s = await startTestSim();
  });
  afterAll(() => s.close());

  it.each([
    ['kospi', 'KOSPI', 227],
    ['kosdaq', 'KOSDAQ', 221],
  ] as const)('%s_code.mst.zip: cp949 lines of code(9) isin(12) name + a fixed ASCII tail', async (file, market, tail) => {
    const r = await fetch(`${s.rest}/common/master/${file}_code.mst.zip`);
    expect(r.status).toBe(200);
    const { name, data } = unzipOne(Buffer.from(await r.arrayBuffer()));
    expect(name).toBe(`${file}_code.mst`);
    const text = new TextDecoder('euc-kr').decode(data);
    const rows = text.split('\n').filter((l) => l !== '');
    const expected = s.exchange.instruments().filter((i) => i.market === market);
    expect(rows).toHaveLength(expected.length);
    for (const row of rows) {
      const head = row.slice(0, row.length - tail);
      const t = row.slice(-tail);
      expect(t).toMatch(/^[\x20-\x7e]+$/); // the tail is ASCII, so slicing by characters works
      const inst = expected.find((i) => i.code === head.slice(0, 9).trimEnd())!;
      expect(inst).toBeDefined();
      expect(head.slice(9, 21).trimEnd()).toBe(inst.isin);
      expect(head.slice(21).trim()).toBe(inst.name);
      expect(t.slice(0, 2)).toBe(inst.etp ? 'EF' : 'ST'); // 그룹코드
      const basePriceAt = market === 'KOSPI' ? 2 + 1 + 4 + 4 + 4 + 26 : 2 + 1 + 4 + 4 + 4 + 21;
      expect(Number(t.slice(basePriceAt, basePriceAt + 9))).toBe(inst.basePrice); // 기준가
    }
  });

  it('serves no NXT master files', async () => {
    expect((await fetch(`${s.rest}/common/master/nxt_kospi_code.mst.zip`)).status).toBe(404);
  });
});
