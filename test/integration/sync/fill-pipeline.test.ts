/**
 * The fill pipeline against the real simulator: a notice becomes one store transaction, then the events in
 * order and a Korean notification; HTS/MTS trades arrive the same way; duplicates are stored once; another
 * account's trades under the same HTS ID never reach this mirror.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FillView, NotificationView, OrderView } from '../../../src/shared/ipc/domains/account';
import { DEMO_ACCOUNT_2 } from '../../../src/sim/fixtures/accounts';
import { marketable, placeViaJournal, rig, waitFor, type Rig } from './helpers';

let r: Rig | null = null;
afterEach(async () => {
  await r?.close();
  r = null;
});

const names = (rig: Rig) => rig.events.map((e) => e.event);
const fillsNew = (rig: Rig) => rig.events.filter((e) => e.event === 'fills:new').map((e) => e.payload as FillView);

describe('fill pipeline', () => {
  it('a fill notice: one transaction, then orders:changed → fills:new → portfolio:changed → account:changed → notifications:new, with a Korean toast', async () => {
    r = await rig();
    const { sim, session, events, toasts } = r;
    const heldBefore = session.store.reads.position('005930')!.qty;
    events.length = 0;
    const price = marketable(sim, '005930', 'buy');
    const placed = await placeViaJournal(session, { symbol: '005930', side: 'buy', qty: 1, price });
    await waitFor('fills:new', () => fillsNew(r!).length === 1);

    const seq = names(r);
    const at = seq.indexOf('fills:new');
    expect(seq.slice(at - 1, at + 4)).toEqual(['orders:changed', 'fills:new', 'portfolio:changed', 'account:changed', 'notifications:new']);

    const fill = fillsNew(r)[0]!;
    const sale = sim.ledger().fills.find((f) => f.orderNo === placed.orderNo)!;
    expect(fill).toMatchObject({ orderNo: placed.orderNo, symbol: '005930', name: '삼성전자', side: 'buy', qty: 1, price: sale.price, venue: 'KRX', fee: sale.fee, tax: 0 });

    // The same transaction moved the order, the execution, the position and the cash.
    const order = session.store.reads.orderByClientId(placed.clientOrderId)!;
    expect(order).toMatchObject({ state: 'filled', filledQty: 1, filledAmount: sale.price, orderNo: placed.orderNo, source: 'terminal' });
    expect(session.store.reads.position('005930')!.qty).toBe(heldBefore + 1);
    const snapshot = session.store.reads.accountSummary().snapshot!;
    expect(snapshot.source).toBe('fill');
    expect(snapshot.cashD2).toBe(sim.ledger().cashD2);

    const orders = events.filter((e) => e.event === 'orders:changed').map((e) => e.payload as OrderView[]);
    expect(orders.length).toBeGreaterThan(0);
    const positions = events.find((e) => e.event === 'portfolio:changed')!.payload as Array<{ symbol: string; qty: number }>;
    expect(positions.find((p) => p.symbol === '005930')!.qty).toBe(heldBefore + 1);

    expect(toasts.shown).toHaveLength(1);
    const price$ = sale.price.toLocaleString('en-US');
    expect(toasts.shown[0]).toMatchObject({ title: '체결 · 삼성전자 매수', body: `1주 @ ${price$}원 · KRX`, tag: `fill:20261123:${placed.orderNo}` });
    const logged = events.find((e) => e.event === 'notifications:new')!.payload as NotificationView;
    expect(logged).toMatchObject({ kind: 'fill', orderNo: placed.orderNo, title: { ko: '체결 · 삼성전자 매수', en: 'Filled · Samsung Electronics Buy' } });
    expect(session.store.reads.notifications(5)[0]).toMatchObject({ kind: 'fill', ref: placed.orderNo });
  });

  it('checkpoints the WAL once the fills stop, not during them', async () => {
    r = await rig({ engine: { checkpointIdleMs: 150, checkpointEveryMs: 0 } });
    const { sim, session, engine } = r;
    await new Promise((res) => setTimeout(res, 300)); // the startup sync's writes settle
    const before = engine.checkpointer.count;
    expect(before).toBeGreaterThan(0);
    const placed = await placeViaJournal(session, { symbol: '005930', side: 'buy', qty: 1, price: marketable(sim, '005930', 'buy') });
    await waitFor('the fill', () => fillsNew(r!).some((f) => f.orderNo === placed.orderNo));
    expect(engine.checkpointer.count).toBe(before); // not right after a write
    await waitFor('an idle checkpoint', () => engine.checkpointer.count > before, 2000);
  });

  it('a trade placed in the HTS (behind the terminal) arrives by notice as an external order, with its fill and a toast', async () => {
    r = await rig();
    const { sim, session, toasts } = r;
    const accepted = sim.exchange.placeOrder({ account: sim.account, symbol: '000660', side: 'buy', ordDvsn: '00', qty: 2, price: marketable(sim, '000660', 'buy'), route: 'KRX', channel: 'hts' });
    if (!accepted.ok) throw new Error(accepted.msg1);
    await waitFor('the HTS fill', () => fillsNew(r!).some((f) => f.orderNo === accepted.orderNo));
    const order = session.store.reads.orderByOrderNo(accepted.orderNo)!;
    expect(order).toMatchObject({ source: 'external', symbol: '000660', side: 'buy', qty: 2, state: 'filled', filledQty: 2 });
    expect(toasts.shown.some((t) => t.title === '체결 · SK하이닉스 매수')).toBe(true);
  });

  it('a notice delivered twice is stored once and announced once', async () => {
    r = await rig();
    const { sim, session, toasts } = r;
    sim.knobs.set({ duplicateNotices: true });
    const placed = await placeViaJournal(session, { symbol: '005930', side: 'sell', qty: 3, price: marketable(sim, '005930', 'sell') });
    await waitFor('the fill', () => fillsNew(r!).some((f) => f.orderNo === placed.orderNo));
    await new Promise((res) => setTimeout(res, 100)); // the second copies have arrived by now
    const ledgerFills = sim.ledger().fills.filter((f) => f.orderNo === placed.orderNo);
    const mirrorFills = session.store.reads.fillsToday().filter((f) => f.orderNo === placed.orderNo);
    expect(mirrorFills.map((f) => [f.qty, f.price])).toEqual(ledgerFills.map((f) => [f.qty, f.price]));
    expect(fillsNew(r).filter((f) => f.orderNo === placed.orderNo)).toHaveLength(ledgerFills.length);
    expect(toasts.shown.filter((t) => t.tag === `fill:20261123:${placed.orderNo}`)).toHaveLength(ledgerFills.length);
    expect(r.engine.pipeline.stats.duplicates).toBeGreaterThanOrEqual(ledgerFills.length);
  });

  it('trades of another account linked to the same HTS ID never reach this mirror', async () => {
    r = await rig();
    const { sim, session, toasts } = r;
    const before = session.store.reads.ordersToday().length;
    const other = sim.exchange.placeOrder({ account: DEMO_ACCOUNT_2, symbol: '035720', side: 'sell', ordDvsn: '00', qty: 5, price: marketable(sim, '035720', 'sell'), route: 'KRX', channel: 'hts' });
    if (!other.ok) throw new Error(other.msg1);
    // Our own order afterwards: once its notices are in, the other account's would have been too.
    const mine = await placeViaJournal(session, { symbol: '005930', side: 'buy', qty: 1, price: marketable(sim, '005930', 'buy') });
    await waitFor('our fill', () => fillsNew(r!).some((f) => f.orderNo === mine.orderNo));
    await r.engine.syncNow();
    expect(session.store.reads.ordersToday().length).toBe(before + 1);
    expect(session.store.reads.position('035720')).toBeNull();
    expect(toasts.shown.every((t) => !t.title.includes('카카오'))).toBe(true);
    expect(session.realtime.stats().foreignNotices).toBeGreaterThan(0);
  });

  it('a refusal after acceptance marks the order rejected and raises a refusal notice (settings respected)', async () => {
    r = await rig();
    const { sim, session, toasts } = r;
    r.settings.notifications.rejections = false;
    sim.exchange.control.refuseNextOrder();
    const placed = await placeViaJournal(session, { symbol: '005930', side: 'buy', qty: 1, price: marketable(sim, '005930', 'buy') - 1000 });
    await waitFor('the rejection', () => session.store.reads.orderByClientId(placed.clientOrderId)?.state === 'rejected');
    await waitFor('the notification', () => r!.events.some((e) => e.event === 'notifications:new' && (e.payload as NotificationView).kind === 'rejection'));
    expect(toasts.shown).toHaveLength(0); // the trader turned rejection toasts off; the in-app log still has it
    const n = session.store.reads.notifications(1)[0]!;
    expect(n.kind).toBe('reject');
  });
});
