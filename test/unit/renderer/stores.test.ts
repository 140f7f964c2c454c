/** Stores and pure screen helpers: per-frame coalescing, ticks into quotes/tape, chart bars and fill markers, panel geometry. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { TradeTick } from '../../../src/shared/ipc/domains/market';
import { candleRows, niceStep, priceAxis } from '../../../src/renderer/charts/candles';
import { dragBoundary, fromLayout, splitterRect, splitters, toLayout, trackPixels } from '../../../src/renderer/layout/geometry';
import { extendBars, fillMarkers } from '../../../src/renderer/stores/chart';
import { createCoalescer } from '../../../src/renderer/stores/coalescer';
import { applyTicks, quoteKey, setQuote, useMarket } from '../../../src/renderer/stores/market';
import { addNotification, setNotifications, useNotifications } from '../../../src/renderer/stores/notifications';
import { moveSelection, orderKey, setOpenOrders, useOrders } from '../../../src/renderer/stores/orders';
import { markToPrice } from '../../../src/renderer/panels/Positions';
import { DEMO_INSTRUMENT, quote, resetStores } from './fake-bridge';

const T0 = Date.UTC(2026, 2, 2, 1, 0, 0); // 10:00:00 KST
const tick = (symbol: string, price: number, at: number, qty = 10, venue: 'KRX' | 'NXT' = 'KRX'): TradeTick => ({
  symbol, venue, price, qty, change: price - 71_900, changeRate: ((price - 71_900) / 71_900) * 100, sign: price >= 71_900 ? '2' : '5', volume: 1000 + qty, side: 'buy', time: at,
});

beforeEach(resetStores);

describe('per-frame coalescing', () => {
  it('hands everything that arrived in one frame over once, books keeping only the newest per symbol and venue', () => {
    const frames: Array<() => void> = [];
    const got: { ticks: TradeTick[][]; books: number } = { ticks: [], books: 0 };
    const c = createCoalescer({ ticks: (b) => got.ticks.push(b), books: (b) => (got.books += b.length) }, (cb) => frames.push(cb));
    for (let i = 0; i < 50; i++) c.ticks([tick('005930', 71_900 + i * 100, T0 + i), tick('000660', 199_000, T0 + i)]);
    const b = { symbol: '005930', venue: 'KRX' as const, asks: [], bids: [], totalAskQty: 0, totalBidQty: 0, expectedPrice: null, time: T0 };
    c.book(b);
    c.book({ ...b, time: T0 + 1 });
    expect(frames).toHaveLength(1); // one frame requested however many events came
    expect(got.ticks).toHaveLength(0);
    frames[0]!();
    expect(got.ticks).toHaveLength(1);
    expect(got.ticks[0]).toHaveLength(100); // nothing dropped: the tape needs every trade
    expect(got.books).toBe(1);
    c.ticks([tick('005930', 72_000, T0 + 100)]);
    expect(frames).toHaveLength(2);
    expect(c.frames).toBe(1);
  });

  it('a batch of ticks updates the last trade, the quote and the focused tape in one store update', () => {
    setQuote(quote('005930', 'KRX', 71_900));
    useMarket.setState({ focus: DEMO_INSTRUMENT });
    let updates = 0;
    const off = useMarket.subscribe(() => updates++);
    applyTicks([tick('005930', 72_000, T0 + 1), tick('005930', 72_100, T0 + 2, 5), tick('000660', 199_000, T0 + 3)]);
    off();
    expect(updates).toBe(1);
    const s = useMarket.getState();
    expect(s.last['005930']?.price).toBe(72_100);
    expect(s.quotes[quoteKey('005930', 'KRX')]).toMatchObject({ price: 72_100, high: 72_100, change: 200 });
    expect(s.tape.map((x) => x.price)).toEqual([72_100, 72_000]); // newest first, focused symbol only
  });

  it('an older tick never replaces a newer last trade', () => {
    applyTicks([tick('005930', 72_000, T0 + 10)]);
    applyTicks([tick('005930', 71_000, T0 + 5)]);
    expect(useMarket.getState().last['005930']?.price).toBe(72_000);
  });
});

describe('chart data', () => {
  const bar = (minute: number, o: number, c: number) => ({ time: T0 + minute * 60_000, open: o, high: Math.max(o, c), low: Math.min(o, c), close: c, volume: 100 });

  it('extends 1-minute bars from trades: same minute updates, next minute opens a bar', () => {
    const bars = [bar(0, 71_900, 72_000)];
    const out = extendBars(bars, '1m', [tick('005930', 72_300, T0 + 30_000, 7), tick('005930', 71_800, T0 + 61_000, 3)]);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ high: 72_300, close: 72_300, volume: 107 });
    expect(out[1]).toMatchObject({ time: T0 + 60_000, open: 71_800, close: 71_800, volume: 3 });
    expect(bars[0]!.close).toBe(72_000); // the input is not mutated
  });

  it("marks the trader's fills on the bar they happened in, and none outside the bars", () => {
    const bars = [bar(0, 71_900, 72_000), bar(1, 72_000, 72_100), bar(2, 72_100, 72_000)];
    const fill = (at: number, side: 'buy' | 'sell', price: number) => ({ fillId: `f${at}`, orderNo: '1', symbol: '005930', name: '삼성전자', side, qty: 10, price, venue: 'KRX' as const, fee: 0, tax: 0, time: at });
    const fills = [fill(T0 + 65_000, 'buy', 72_050), fill(T0 + 125_000, 'sell', 72_050), fill(T0 + 3_600_000, 'buy', 70_000)];
    expect(fillMarkers(bars, '1m', fills)).toEqual([
      { index: 1, price: 72_050, side: 'buy', qty: 10 },
      { index: 2, price: 72_050, side: 'sell', qty: 10 },
    ]);
    const rows = candleRows(bars, '1m', fills);
    expect(rows[1]!.buys).toEqual([72_050]);
    expect(rows[2]!.sells).toEqual([72_050]);
    expect(rows[0]).toMatchObject({ range: [71_900, 72_000], up: true });
  });

  it('daily bars take fills by KST date', () => {
    const day = (ymdMs: number) => ({ time: ymdMs, open: 1, high: 2, low: 1, close: 2, volume: 1 });
    const d0 = Date.UTC(2026, 2, 1, 15, 0, 0); // 2026-03-02 00:00 KST
    const bars = [day(d0), day(d0 + 86_400_000)];
    const f = { fillId: 'x', orderNo: '1', symbol: '005930', name: 'n', side: 'buy' as const, qty: 1, price: 2, venue: 'KRX' as const, fee: 0, tax: 0, time: d0 + 86_400_000 + 3_600_000 };
    expect(fillMarkers(bars, '1d', [f])).toEqual([{ index: 1, price: 2, side: 'buy', qty: 1 }]);
  });

  it('the price axis lands on round numbers around the bars', () => {
    expect(niceStep(1_500, 5)).toBe(500);
    expect(niceStep(44, 5)).toBe(10);
    const rows = candleRows([bar(0, 70_020, 71_470)], '1m', []);
    const axis = priceAxis(rows);
    expect(axis.domain[0]).toBeLessThanOrEqual(70_020);
    expect(axis.domain[1]).toBeGreaterThanOrEqual(71_470);
    expect(axis.ticks.every((t) => t % 500 === 0)).toBe(true);
  });
});

describe('panel grid geometry', () => {
  const areas = [
    ['w', 'q', 'c', 'c', 'o'],
    ['w', 'q', 'p', 'p', 'e'],
    ['w', 'q', 'x', 'f', 'n'],
  ];

  it('puts splitters only where two different panels meet', () => {
    const s = splitters(areas);
    // c|c (chart spanning) has no handle in row 0, p|p none in row 1: the 3rd column boundary only exists in row 2.
    expect(s.filter((x) => x.axis === 'col' && x.index === 2)).toEqual([{ axis: 'col', index: 2, from: 2, to: 2 }]);
    expect(s.filter((x) => x.axis === 'col' && x.index === 0)).toEqual([{ axis: 'col', index: 0, from: 0, to: 2 }]);
    // Row boundary 0 runs from the chart column to the ticket column, not across the watchlist and quote.
    expect(s.filter((x) => x.axis === 'row' && x.index === 0)).toEqual([{ axis: 'row', index: 0, from: 2, to: 4 }]);
  });

  it('sizes tracks and splitter rectangles in pixels', () => {
    const cols = trackPixels([1, 1, 2], 406, 6);
    expect(cols).toEqual([98.5, 98.5, 197]);
    const rows = trackPixels([1, 1], 206, 6);
    expect(splitterRect({ axis: 'col', index: 0, from: 0, to: 1 }, cols, rows, 6)).toEqual({ left: 98.5, top: 0, width: 6, height: 206 });
  });

  it('drags a boundary, keeping both neighbours above the minimum', () => {
    const w = [20, 20, 60];
    const moved = dragBoundary(w, 0, 50, 500, 0);
    expect(moved[0]).toBeCloseTo(30);
    expect(moved[1]).toBeCloseTo(10);
    expect(moved[2]).toBe(60);
    const clamped = dragBoundary(w, 0, 10_000, 500, 0, 0.08);
    expect(clamped[1]).toBeCloseTo(8);
    expect(clamped[0]! + clamped[1]!).toBeCloseTo(40);
  });

  it('persists as settings.layout and ignores a layout of another shape', () => {
    const spec = { areas, cols: [20, 20, 23, 17, 20], rows: [56, 20, 24] };
    const layout = toLayout([10, 10, 10, 10, 10], [2, 1, 1]);
    expect(layout).toMatchObject({ col0: 200, col4: 200, row0: 500, row2: 250 });
    expect(Object.values(layout).every((v) => Number.isInteger(v) && v >= 0 && v <= 10_000)).toBe(true);
    expect(fromLayout(layout, spec)).toEqual({ cols: [200, 200, 200, 200, 200], rows: [500, 250, 250] });
    expect(fromLayout({ col0: 1, col1: 1 }, spec)).toEqual({ cols: spec.cols, rows: spec.rows });
    expect(fromLayout({ ...layout, col5: 3 }, spec).cols).toEqual(spec.cols);
    expect(fromLayout(undefined, spec)).toEqual({ cols: spec.cols, rows: spec.rows });
  });
});

describe('orders, notifications, positions', () => {
  const order = (no: string | null, id: string, at: number) => ({
    clientOrderId: id, orderNo: no, originalOrderNo: null, symbol: '005930', name: '삼성전자', side: 'buy' as const, route: 'KRX' as const, ordDvsn: '00',
    qty: 1, price: 70_000, filledQty: 0, avgFillPrice: 0, remainingQty: 1, state: 'accepted' as const, source: 'terminal' as const, reason: null, createdAt: at, updatedAt: at,
  });

  it('keeps the selection while the order is open and drops it when it is gone', () => {
    setOpenOrders([order('1', 'a', 1), order(null, 'b', 2)]);
    expect(useOrders.getState().open!.map(orderKey)).toEqual(['id:b', 'no:1']); // newest first
    moveSelection(1);
    expect(useOrders.getState().selected).toBe('id:b');
    moveSelection(1);
    expect(useOrders.getState().selected).toBe('no:1');
    useOrders.setState({ pending: { 'no:1': 'cancel' } });
    setOpenOrders([order(null, 'b', 2)]);
    expect(useOrders.getState().selected).toBeNull();
    expect(useOrders.getState().pending).toEqual({});
  });

  it('a notification seen in the list and as an event is stored once; unread counts events', () => {
    const n = (id: number, at: number) => ({ id, kind: 'fill' as const, title: { ko: '체결', en: 'Fill' }, body: { ko: 'b', en: 'b' }, orderNo: null, time: at });
    setNotifications([n(1, 10), n(2, 20)]);
    addNotification(n(2, 20));
    addNotification(n(3, 30));
    expect(useNotifications.getState().items!.map((x) => x.id)).toEqual([3, 2, 1]);
    expect(useNotifications.getState().unread).toBe(1);
  });

  it('marks a position to the latest trade in integer 원', () => {
    const p = { symbol: '005930', name: '삼성전자', qty: 10, sellableQty: 10, avgPrice: 70_000, cost: 700_000, lastPrice: 70_000, value: 700_000, pnl: 0, pnlRate: 0, venues: [{ venue: 'KRX' as const, qty: 10 }] };
    expect(markToPrice(p, 71_000)).toEqual({ price: 71_000, value: 710_000, pnl: 10_000, rate: (10_000 / 700_000) * 100 });
    expect(markToPrice(p, undefined)).toEqual({ price: 70_000, value: 700_000, pnl: 0, rate: 0 });
  });
});
