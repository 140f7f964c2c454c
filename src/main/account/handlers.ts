/**
 * The account channels: every answer is read from the SQLite mirror through the store's read services
 * (design.md invariant 1) — never from KIS, except `sync:now`, which asks sync to reconcile with KIS now.
 * Nothing throws: a missing session or a failed read is a `{ ok: false }` value with a Korean and an
 * English message.
 */
import { fail, ok, type Result } from '../../shared/ipc/result';
import { addDays, kstMidnight } from '../../shared/market/time';
import type { HandlerMap } from '../ipc/types';
import type { Logger } from '../log';
import type { ActiveSession } from '../session/service';
import type { StoreReads } from '../store';
import type { SyncController } from '../sync/controller';
import { accountSummaryNow, nameResolver, openOrderViews, positionsNow, toFillView, toNotificationView, toOrderView, type NameOf } from './views';

const NO_SESSION = () =>
  fail('UNAVAILABLE', '계좌가 아직 연결되지 않았습니다. 잠시 후 다시 시도하세요.', 'The account is not connected yet. Try again in a moment.');

interface Live {
  session: ActiveSession;
  reads: StoreReads;
  nameOf: NameOf;
}

type AccountChannel =
  | 'account:summary'
  | 'portfolio:list'
  | 'orders:open'
  | 'orders:today'
  | 'fills:today'
  | 'fills:forSymbol'
  | 'equity:history'
  | 'notifications:list'
  | 'sync:status'
  | 'sync:now';

export function accountHandlers(sync: SyncController, logger: Logger): Pick<HandlerMap, AccountChannel> {
  const live = (): Live | null => {
    const session = sync.session();
    return session ? { session, reads: session.store.reads, nameOf: nameResolver(session.instruments) } : null;
  };
  /** Runs a read; a failure (e.g. the file went away with a switching session) is a value, not a throw. */
  const read = <T>(what: string, fn: (l: Live) => T): Result<T> => {
    const l = live();
    if (!l) return NO_SESSION();
    try {
      return ok(fn(l));
    } catch (err) {
      logger.error('account read failed', { what, error: err instanceof Error ? err.message : String(err) });
      return fail('INTERNAL', '계좌 정보를 읽지 못했습니다.', 'Could not read the account mirror.');
    }
  };
  const prices = () => sync.engine()?.prices() ?? new Map<string, number>();

  return {
    'account:summary': () => read('summary', (l) => accountSummaryNow(l.reads, prices())),
    'portfolio:list': () => read('portfolio', (l) => positionsNow(l.reads, prices(), l.nameOf)),
    'orders:open': () => read('open orders', (l) => openOrderViews(l.reads, l.nameOf)),
    'orders:today': () => read('orders today', (l) => l.reads.ordersToday().map((o) => toOrderView(o, l.nameOf))),
    'fills:today': () => read('fills today', (l) => l.reads.fillsToday().map((e) => toFillView(e, l.nameOf))),
    'fills:forSymbol': ({ symbol, from, to }) => {
      if (from > to) return fail('BAD_INPUT', '시작일이 종료일보다 늦습니다.', 'The start date is after the end date.');
      return read('fills for symbol', (l) =>
        l.reads.fillsForSymbol(symbol, kstMidnight(from), kstMidnight(addDays(to, 1))).slice(-50_000).map((e) => toFillView(e, l.nameOf)),
      );
    },
    'equity:history': ({ days }) =>
      read('equity history', (l) => {
        const points = l.reads.equityHistory(days);
        return points.map((p, i) => {
          const before = p.prevTotalAssets ?? (i > 0 ? points[i - 1]!.totalAssets : null);
          return {
            date: p.tradeDate,
            totalAssets: p.totalAssets,
            pnl: before === null ? 0 : p.totalAssets - before,
            realizedPnl: l.reads.accountSummary(p.tradeDate).realizedToday.net,
          };
        });
      }),
    'notifications:list': ({ limit }) => read('notifications', (l) => l.reads.notifications(limit).map(toNotificationView)),
    'sync:status': () => {
      const engine = sync.engine();
      return engine ? ok(engine.status()) : NO_SESSION();
    },
    'sync:now': async () => {
      const engine = sync.engine();
      if (!engine) return NO_SESSION();
      return ok(await engine.syncNow('sync:now'));
    },
  };
}
