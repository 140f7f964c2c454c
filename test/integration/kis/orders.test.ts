/** order-cash and order-rvsecncl against the simulator: acceptance, every rejection class, client-side refusals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KisInsufficientCashError,
  KisInvalidRequestError,
  KisMarketClosedError,
  KisRejectedError,
  type KisRest,
} from '../../../src/main/kis';
import type { SimHandle } from '../../../src/sim/handle';
import { clientFor, rejectionOf, startSim } from './helpers';

describe('orders on the real personality', () => {
  let sim: SimHandle;
  let kis: KisRest;
  beforeAll(async () => {
    sim = await startSim();
    kis = await clientFor(sim);
  });
  afterAll(async () => {
    await kis?.close();
    await sim?.close();
  });

  it('a limit buy is accepted with TTTC0012U and booked once', async () => {
    const before = sim.ledger().orders.length;
    const ack = await kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 3, price: 60_000 });
    expect(ack.orderNo).toMatch(/^\d{10}$/);
    expect(ack.orgNo).toMatch(/^\d{5}$/);
    expect(ack.time).toBe('100000');
    expect(ack.message).toContain('주문 전송 완료');
    const booked = sim.ledger().orders.filter((o) => o.orderNo === ack.orderNo);
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ symbol: '005930', side: 'buy', qty: 3, price: 60_000, route: 'KRX', ordDvsn: '00' });
    expect(sim.ledger().orders.length).toBe(before + 1);
    expect(sim.stats.requests('TTTC0012U')).toBe(1);
  });

  it('a sell goes out as TTTC0011U; NXT and SOR routes are sent as EXCG_ID_DVSN_CD', async () => {
    const sell = await kis.orderCash({ side: 'sell', symbol: '005930', ordDvsn: '00', qty: 1, price: 90_000, route: 'NXT' });
    const o = sim.ledger().orders.find((x) => x.orderNo === sell.orderNo)!;
    expect(o).toMatchObject({ side: 'sell', route: 'NXT', qty: 1, price: 90_000 });
    expect(sim.stats.requests('TTTC0011U')).toBe(1);
    const sor = await kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 1, price: 60_000, route: 'SOR' });
    expect(sim.ledger().orders.find((x) => x.orderNo === sor.orderNo)!.route).toBe('SOR');
  });

  it('a market order is sent with ORD_UNPR "0" whatever price the caller passed', async () => {
    const ack = await kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '01', qty: 1, price: 123_456 });
    expect(sim.ledger().orders.find((x) => x.orderNo === ack.orderNo)!.price).toBe(0);
  });

  it('modify then cancel the remainder (TTTC0013U), with new order numbers each time', async () => {
    const ack = await kis.orderCash({ side: 'buy', symbol: '000660', ordDvsn: '00', qty: 5, price: 150_000 });
    const mod = await kis.orderModifyCancel({ kind: 'modify', originalOrderNo: ack.orderNo, orgNo: ack.orgNo, ordDvsn: '00', all: true, price: 151_000 });
    expect(mod.orderNo).not.toBe(ack.orderNo);
    const open = await kis.openOrders();
    const live = open.find((x) => x.orderNo === mod.orderNo);
    expect(live).toMatchObject({ price: 151_000, remainingQty: 5, symbol: '000660', side: 'buy' });
    const cancel = await kis.orderModifyCancel({ kind: 'cancel', originalOrderNo: mod.orderNo, orgNo: live!.orgNo, ordDvsn: '00', all: true });
    expect(cancel.orderNo).not.toBe(mod.orderNo);
    expect((await kis.openOrders()).some((x) => x.orderNo === mod.orderNo)).toBe(false);
    expect(sim.stats.requests('TTTC0013U')).toBe(2);
  });

  it('rejections keep KIS code and text and map to the taxonomy', async () => {
    const unknownSymbol = await rejectionOf(kis.orderCash({ side: 'buy', symbol: '999999', ordDvsn: '00', qty: 1, price: 1000 }));
    expect(unknownSymbol).toBeInstanceOf(KisRejectedError);
    expect(unknownSymbol).toMatchObject({ kind: 'rejected', msgCd: 'APBK0656', msg1: '해당 종목 정보가 없습니다.' });

    const offTick = await rejectionOf(kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 1, price: 60_001 }));
    expect(offTick).toMatchObject({ kind: 'rejected', msgCd: 'SIMV0001' });

    const nxtIneligible = await rejectionOf(kis.orderCash({ side: 'buy', symbol: '033780', ordDvsn: '00', qty: 1, price: 100_000, route: 'NXT' }));
    expect(nxtIneligible).toMatchObject({ kind: 'rejected', msgCd: 'SIMV0004' });

    const cancelUnknown = await rejectionOf(kis.orderModifyCancel({ kind: 'cancel', originalOrderNo: '0000099999', orgNo: '06010', ordDvsn: '00', all: true }));
    expect(cancelUnknown).toMatchObject({ kind: 'rejected', msgCd: 'SIMV0005' });
  });

  it('insufficient cash is its own class (APBK0952)', async () => {
    sim.exchange.control.setCash(sim.account, 10_000);
    const e = await rejectionOf(kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 10, price: 70_000 }));
    expect(e).toBeInstanceOf(KisInsufficientCashError);
    expect(e).toMatchObject({ kind: 'insufficient-cash', msgCd: 'APBK0952' });
    sim.exchange.control.setCash(sim.account, 100_000_000);
  });

  it('bad input is refused before anything is sent', async () => {
    const sent = sim.stats.requests();
    const cases = [
      kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 0, price: 70_000 }),
      kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 1.5, price: 70_000 }),
      kis.orderCash({ side: 'buy', symbol: '5930', ordDvsn: '00', qty: 1, price: 70_000 }),
      kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 1, price: 0 }),
      kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '99', qty: 1, price: 70_000 }),
      kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '22', qty: 1, price: 70_000 }), // stop-limit without stop
      kis.orderModifyCancel({ kind: 'cancel', originalOrderNo: '0000000001', orgNo: '', ordDvsn: '00', all: true }),
      kis.orderModifyCancel({ kind: 'modify', originalOrderNo: '0000000001', orgNo: '06010', ordDvsn: '00', all: false, price: 70_000 }),
    ];
    for (const c of cases) expect(await rejectionOf(c)).toBeInstanceOf(KisInvalidRequestError);
    expect(sim.stats.requests()).toBe(sent);
  });

  it('outside trading hours is market-closed (APBK0918)', async () => {
    sim.clock.set('2026-11-23T21:30:00+09:00');
    const e = await rejectionOf(kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 1, price: 60_000 }));
    expect(e).toBeInstanceOf(KisMarketClosedError);
    expect(e).toMatchObject({ msgCd: 'APBK0918' });
  });
});

describe('orders on a non-trading day and on paper', () => {
  it('Saturday is market-closed (APBK0919)', async () => {
    const sim = await startSim({ clock: { start: '2026-11-28T10:00:00+09:00', speed: 0 } });
    const kis = await clientFor(sim);
    try {
      const e = await rejectionOf(kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 1, price: 60_000 }));
      expect(e).toMatchObject({ kind: 'market-closed', msgCd: 'APBK0919' });
    } finally {
      await kis.close();
      await sim.close();
    }
  });

  it('paper uses V… TRs, routes KRX only, and maps its own codes', async () => {
    const sim = await startSim({ personality: 'paper' });
    const kis = await clientFor(sim);
    try {
      const ack = await kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 1, price: 60_000 });
      expect(sim.ledger().orders.some((o) => o.orderNo === ack.orderNo)).toBe(true);
      expect(sim.stats.requests('VTTC0012U')).toBe(1);
      expect(sim.stats.requests('TTTC0012U')).toBe(0);
      expect(await rejectionOf(kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 1, price: 60_000, route: 'NXT' }))).toBeInstanceOf(
        KisInvalidRequestError,
      );
      sim.exchange.control.setCash(sim.account, 1000);
      const poor = await rejectionOf(kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 10, price: 70_000 }));
      expect(poor).toMatchObject({ kind: 'insufficient-cash', msgCd: '40310000' });
    } finally {
      await kis.close();
      await sim.close();
    }
  });
});
