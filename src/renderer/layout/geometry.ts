/**
 * The panel grid's geometry, pure: named areas on a grid of weighted tracks, where the splitters go (only where
 * two different panels meet), how a drag moves a boundary, and how the weights persist in settings.layout.
 */

export interface GridSpec {
  /** areas[row][col] = panel id; a panel spanning cells repeats its id. */
  areas: string[][];
  cols: number[];
  rows: number[];
}

export interface Splitter {
  axis: 'col' | 'row';
  /** Boundary between track `index` and `index + 1`. */
  index: number;
  /** Which tracks of the other axis the splitter runs along: [from, to] inclusive. */
  from: number;
  to: number;
}

/** Splitters exist where a boundary separates two different panels; consecutive runs merge into one handle. */
export function splitters(areas: string[][]): Splitter[] {
  const out: Splitter[] = [];
  const nRows = areas.length;
  const nCols = areas[0]?.length ?? 0;
  const runs = (axis: 'col' | 'row', index: number, length: number, differs: (k: number) => boolean) => {
    let start = -1;
    for (let k = 0; k <= length; k++) {
      const d = k < length && differs(k);
      if (d && start < 0) start = k;
      if (!d && start >= 0) {
        out.push({ axis, index, from: start, to: k - 1 });
        start = -1;
      }
    }
  };
  for (let c = 0; c < nCols - 1; c++) runs('col', c, nRows, (r) => areas[r]![c] !== areas[r]![c + 1]);
  for (let r = 0; r < nRows - 1; r++) runs('row', r, nCols, (c) => areas[r]![c] !== areas[r + 1]![c]);
  return out;
}

/** Pixel sizes of weighted tracks in `total` px with `gap` px between them. */
export function trackPixels(weights: readonly number[], total: number, gap: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const available = Math.max(0, total - gap * (weights.length - 1));
  return weights.map((w) => (sum > 0 ? (available * w) / sum : 0));
}

/** Offset of the start of track i. */
export function trackStart(px: readonly number[], i: number, gap: number): number {
  let x = 0;
  for (let k = 0; k < i; k++) x += px[k]! + gap;
  return x;
}

/** Rectangle of a splitter in container pixels (the gap between the two tracks, along the spanned tracks). */
export function splitterRect(s: Splitter, colPx: readonly number[], rowPx: readonly number[], gap: number): { left: number; top: number; width: number; height: number } {
  const along = s.axis === 'col' ? rowPx : colPx;
  const across = s.axis === 'col' ? colPx : rowPx;
  const start = trackStart(along, s.from, gap);
  const end = trackStart(along, s.to, gap) + along[s.to]!;
  const at = trackStart(across, s.index, gap) + across[s.index]!;
  return s.axis === 'col' ? { left: at, top: start, width: gap, height: end - start } : { left: start, top: at, width: end - start, height: gap };
}

/** Moves the boundary after track `index` by `deltaPx`, keeping every track at least `minShare` of the total. */
export function dragBoundary(weights: readonly number[], index: number, deltaPx: number, totalPx: number, gap: number, minShare = 0.08): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const available = Math.max(1, totalPx - gap * (weights.length - 1));
  const min = sum * minShare;
  const a = weights[index]!;
  const b = weights[index + 1]!;
  let d = (deltaPx * sum) / available;
  d = Math.max(min - a, Math.min(b - min, d));
  if (a + d < min || b - d < min) d = 0;
  const next = weights.slice();
  next[index] = a + d;
  next[index + 1] = b - d;
  return next;
}

/** settings.layout ← weights ("col0".."colN", "row0".."rowN"; rounded, within the schema's 0..10000). */
export function toLayout(cols: readonly number[], rows: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  const norm = (ws: readonly number[], prefix: string) => {
    const sum = ws.reduce((x, y) => x + y, 0) || 1;
    ws.forEach((w, i) => (out[`${prefix}${i}`] = Math.round((w / sum) * 1000)));
  };
  norm(cols, 'col');
  norm(rows, 'row');
  return out;
}

/** Weights from settings.layout when it fits this grid, else the defaults (a layout from another version is ignored). */
export function fromLayout(layout: Record<string, number> | undefined, spec: GridSpec): { cols: number[]; rows: number[] } {
  const read = (prefix: string, defaults: number[]) => {
    if (!layout) return defaults;
    const ws = defaults.map((_, i) => layout[`${prefix}${i}`]);
    if (ws.some((w) => w === undefined || !Number.isFinite(w) || w <= 0)) return defaults;
    if (layout[`${prefix}${defaults.length}`] !== undefined) return defaults;
    return ws as number[];
  };
  return { cols: read('col', spec.cols), rows: read('row', spec.rows) };
}
