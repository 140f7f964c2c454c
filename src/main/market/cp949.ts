/**
 * cp949 (Unified Hangul Code) decoding for the KIS master files. The platform's 'euc-kr' TextDecoder is
 * meant to be the UHC superset (WHATWG), but some ICU builds (this machine's Node among them) know only the
 * 2,350 KS X 1001 syllables, which would garble names like "뷁" or "똠". UHC's extension is regular: the other
 * 8,822 syllables, in Unicode order, at lead 0x81–0xA0 × trail 41–5A/61–7A/81–FE and lead 0xA1–0xC6 × trail
 * 41–5A/61–7A/81–A0 (ending at C652). That part is computed here; every other pair goes to the platform decoder.
 */

let ksPairs: Map<number, string> | null = null;
let extension: string[] | null = null;

/** Every two-byte pair the platform decoder maps (KS X 1001 symbols, hanja, syllables). */
function platformPairs(): Map<number, string> {
  if (ksPairs) return ksPairs;
  const dec = new TextDecoder('euc-kr');
  const m = new Map<number, string>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x41; trail <= 0xfe; trail++) {
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd') m.set((lead << 8) | trail, ch);
    }
  }
  ksPairs = m;
  return m;
}

/** The 8,822 syllables outside KS X 1001, in Unicode order. */
function extensionSyllables(): string[] {
  if (extension) return extension;
  const ks = new Set<string>();
  for (const ch of platformPairs().values()) ks.add(ch);
  const out: string[] = [];
  for (let c = 0xac00; c <= 0xd7a3; c++) {
    const ch = String.fromCharCode(c);
    if (!ks.has(ch)) out.push(ch);
  }
  extension = out;
  return out;
}

const inTrailRun = (t: number, wide: boolean): number => {
  // Position of the trail byte within its lead's run, or -1.
  if (t >= 0x41 && t <= 0x5a) return t - 0x41;
  if (t >= 0x61 && t <= 0x7a) return 26 + t - 0x61;
  if (t >= 0x81 && t <= (wide ? 0xfe : 0xa0)) return 52 + t - 0x81;
  return -1;
};

/** Index into the extension syllables of a UHC pair, or -1 when the pair is not in the extension area. */
export function uhcExtensionIndex(lead: number, trail: number): number {
  if (lead >= 0x81 && lead <= 0xa0) {
    const pos = inTrailRun(trail, true);
    return pos < 0 ? -1 : (lead - 0x81) * 178 + pos;
  }
  if (lead >= 0xa1 && lead <= 0xc6) {
    const pos = inTrailRun(trail, false);
    if (pos < 0) return -1;
    const index = 32 * 178 + (lead - 0xa1) * 84 + pos;
    return index < 8822 ? index : -1;
  }
  return -1;
}

export function decodeCp949(bytes: Uint8Array): string {
  const pairs = platformPairs();
  const ext = extensionSyllables();
  let out = '';
  let run = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) {
      run += String.fromCharCode(b);
      continue;
    }
    if (run) {
      out += run;
      run = '';
    }
    const t = bytes[i + 1];
    if (b >= 0x81 && b <= 0xfe && t !== undefined) {
      const x = uhcExtensionIndex(b, t);
      const ch = x >= 0 ? ext[x] : pairs.get((b << 8) | t);
      if (ch !== undefined) {
        out += ch;
        i++;
        continue;
      }
      // An unmapped pair whose second byte is ASCII: that byte is text of its own (WHATWG rule).
      out += '\ufffd';
      if (t >= 0x80) i++;
      continue;
    }
    out += '\ufffd';
  }
  return out + run;
}
