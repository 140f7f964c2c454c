/** H0STCNI0/H0STCNI9 notice construction (kis-api.md §7.4 sequence); the server encrypts and frames them. */
import { conditionCode } from '../../shared/market/ordDvsn';
import { kstTime } from '../../shared/market/time';
import type { Ctx, LiveOrder } from './model';
import type { Fill, OrderNotice, Venue } from './types';

export function exchangeCodeFor(o: LiveOrder, venue: Venue): OrderNotice['exchangeCode'] {
  if (o.rec.route === 'SOR') return venue === 'KRX' ? '3' : '4';
  return venue === 'KRX' ? '1' : '2';
}

export function legFor(o: LiveOrder, venue: Venue): Fill['exchangeLeg'] {
  if (o.rec.route === 'SOR') return venue === 'KRX' ? 'SOR-KRX' : 'SOR-NXT';
  return venue;
}

/** The venue an order is "at" for an acceptance notice: where it rests, else its first allowed venue. */
export function noticeVenue(o: LiveOrder): Venue {
  return o.restingOn ?? o.venues[0] ?? 'KRX';
}

export interface NoticeKind {
  cntgYn: '1' | '2';
  acptYn: '1' | '2' | '3';
  rctf: '0' | '1' | '2';
  refused?: boolean;
}

export function emitNotice(ctx: Ctx, o: LiveOrder, kind: NoticeKind, qty: number, price: number, venue: Venue, originalOrderNo = o.rec.originalOrderNo): void {
  const n: OrderNotice = {
    account: o.rec.account,
    htsId: o.htsId,
    orderNo: o.rec.orderNo,
    originalOrderNo,
    side: o.rec.side,
    rctf: kind.rctf,
    ordDvsn: o.rec.ordDvsn,
    cond: conditionCode(o.rec.ordDvsn),
    symbol: o.rec.symbol,
    name: o.sym.inst.name,
    qty,
    price,
    time: kstTime(ctx.now),
    refused: kind.refused ?? false,
    cntgYn: kind.cntgYn,
    acptYn: kind.acptYn,
    orderQty: o.rec.qty,
    orderPrice: o.rec.price,
    stopPrice: o.rec.stopPrice,
    exchangeCode: exchangeCodeFor(o, venue),
  };
  ctx.emitter.emit('notice', n);
}
