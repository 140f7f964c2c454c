/**
 * A window.aegis for component tests, built by the real builder (src/shared/ipc/api.ts) over a stand-in
 * transport: answers per channel (a value, a function of the input, or a failure), records every call, and
 * pushes events to the listeners of that event only. The E2E covers the real core; this keeps jsdom tests fast.
 */
import { act } from '@testing-library/react';
import { buildAegisApi } from '../../../src/shared/ipc/api';
import { defaultSettings, mergeSettings, type SettingsPatch } from '../../../src/shared/settings/schema';
import { setScreenApi } from '../../../src/renderer/api/current';
import { useAccount } from '../../../src/renderer/stores/account';
import { useAvailability } from '../../../src/renderer/stores/availability';
import { useChart } from '../../../src/renderer/stores/chart';
import { useConnection } from '../../../src/renderer/stores/connection';
import { useMarket } from '../../../src/renderer/stores/market';
import { useNotifications } from '../../../src/renderer/stores/notifications';
import { useOrders } from '../../../src/renderer/stores/orders';
import { useSettings } from '../../../src/renderer/stores/settings';
import { useUi } from '../../../src/renderer/stores/ui';
import { useTicket } from '../../../src/renderer/ticket/store';
import { useLocale } from '../../../src/renderer/i18n';

export type Answer = unknown | ((input: Record<string, unknown>) => unknown);

export interface FakeBridge {
  api: ReturnType<typeof buildAegisApi>;
  calls: Array<{ channel: string; input: Record<string, unknown> }>;
  callsTo(channel: string): Array<Record<string, unknown>>;
  answer(channel: string, value: Answer): void;
  fail(channel: string, code: string, message: string): void;
  /** Holds a channel's answers until release() (a call in flight). */
  hold(channel: string): { release(): void };
  push(event: string, payload: unknown): void;
  listenerCount(): number;
}

export function fakeBridge(initial: Record<string, Answer> = {}): FakeBridge {
  const answers = new Map<string, { ok: boolean; value?: Answer; code?: string; message?: string }>();
  const held = new Map<string, Array<() => void>>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const calls: FakeBridge['calls'] = [];
  for (const [k, v] of Object.entries(initial)) answers.set(k, { ok: true, value: v });

  const api = buildAegisApi({
    async invoke(channel, input) {
      calls.push({ channel, input: input as Record<string, unknown> });
      const gate = held.get(channel);
      if (gate) await new Promise<void>((r) => gate.push(r));
      const a = answers.get(channel);
      if (!a) return { ok: false, code: 'UNAVAILABLE', message: `${channel} 없음`, messageEn: `no ${channel}` };
      if (!a.ok) return { ok: false, code: a.code, message: a.message };
      const value = typeof a.value === 'function' ? (a.value as (i: unknown) => unknown)(input) : a.value;
      return { ok: true, value };
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => void set.delete(listener);
    },
  });

  return {
    api,
    calls,
    callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input),
    answer: (channel, value) => void answers.set(channel, { ok: true, value }),
    fail: (channel, code, message) => void answers.set(channel, { ok: false, code, message }),
    hold(channel) {
      held.set(channel, []);
      return {
        release() {
          const waiting = held.get(channel) ?? [];
          held.delete(channel);
          for (const r of waiting) r();
        },
      };
    },
    push: (event, payload) => act(() => listeners.get(event)?.forEach((l) => l(payload))),
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

export const DEMO_INSTRUMENT = { symbol: '005930', name: '삼성전자', nameEn: 'Samsung Electronics', market: 'KOSPI' as const, etp: false, nxtEligible: true };

export function demoSession(now = Date.UTC(2026, 2, 2, 1, 0, 0)) {
  const open = (ko: string, en: string) => ({ phase: 'continuous', label: { ko, en }, acceptsOrders: true, nextChangeAt: null });
  return { tradingDay: true, regime: 'legacy' as const, krx: open('정규장', 'Regular'), nxt: open('메인마켓', 'Main market'), now };
}

export function book(symbol: string, venue: 'KRX' | 'NXT' | 'UN', bestAsk: number, bestBid: number, tick = 100) {
  return {
    symbol,
    venue,
    asks: Array.from({ length: 10 }, (_, i) => ({ price: bestAsk + i * tick, qty: 100 + i })),
    bids: Array.from({ length: 10 }, (_, i) => ({ price: bestBid - i * tick, qty: 200 + i })),
    totalAskQty: 1045,
    totalBidQty: 2045,
    expectedPrice: null,
    time: Date.UTC(2026, 2, 2, 1, 0, 0),
  };
}

export function quote(symbol: string, venue: 'KRX' | 'NXT' | 'UN', price: number, prevClose = 71_900) {
  return {
    symbol,
    venue,
    price,
    change: price - prevClose,
    changeRate: ((price - prevClose) / prevClose) * 100,
    sign: price > prevClose ? ('2' as const) : price < prevClose ? ('5' as const) : ('3' as const),
    open: prevClose,
    high: Math.max(price, prevClose),
    low: Math.min(price, prevClose),
    volume: 1000,
    turnover: 1000 * price,
    upperLimit: 93_400,
    lowerLimit: 50_400,
    prevClose,
    tickSize: 100,
    halted: false,
    time: Date.UTC(2026, 2, 2, 1, 0, 0),
  };
}

export const SUMMARY = {
  totalAssets: 130_000_000,
  cashD0: 100_000_000,
  cashD2: 99_000_000,
  orderableCash: 10_000_000,
  securitiesValue: 30_000_000,
  cost: 29_000_000,
  unrealizedPnl: 1_000_000,
  unrealizedPnlRate: 3.45,
  realizedPnlToday: -12_000,
  feesAndTaxesToday: 1_234,
  asOf: Date.UTC(2026, 2, 2, 1, 0, 0),
};

/** A bridge with a whole demo account: watchlist of one symbol, its quotes and books, account and settings. */
export function demoBridge(environment: 'demo' | 'paper' | 'real' = 'demo'): FakeBridge {
  return fakeBridge({
    'app:info': { version: '0.1.0', environment, dataDir: '/data' },
    'app:connection': { environment, connection: 'connected', lastSyncAt: null, rateHeadroom: 1 },
    'settings:get': defaultSettings(),
    'env:status': { environment, armed: environment !== 'real', credentials: { paper: { present: false, accountMasked: null }, real: { present: false, accountMasked: null } }, problem: null },
    'risk:state': { killSwitch: false, engagedAt: null, armed: true },
    'account:summary': SUMMARY,
    'portfolio:list': [],
    'orders:open': [],
    'fills:today': [],
    'notifications:list': [],
    'equity:history': [],
    'sync:status': { running: false, lastSyncAt: null, lastResult: null, message: null },
    'market:session': demoSession(),
    'watchlist:get': [DEMO_INSTRUMENT],
    'market:quote': (i: Record<string, unknown>) => quote(String(i['symbol']), i['venue'] as 'KRX', 71_900),
    'market:book': (i: Record<string, unknown>) => book(String(i['symbol']), i['venue'] as 'KRX', 72_000, 71_900),
    'market:chart': [],
    'market:focus': (i: Record<string, unknown>) => ({ symbol: i['symbol'] }),
    'fills:forSymbol': [],
    'symbols:search': [DEMO_INSTRUMENT],
    'settings:set': (i: Record<string, unknown>) => {
      const r = mergeSettings(defaultSettings(), i['patch'] as SettingsPatch);
      if (!r.ok) throw new Error(r.issues.join('; '));
      return r.settings;
    },
  });
}

/** Every store back to its first state (they are module singletons, like in the app). */
export function resetStores(): void {
  for (const store of [useAccount, useAvailability, useChart, useConnection, useMarket, useNotifications, useOrders, useSettings, useUi, useTicket]) {
    (store as unknown as { setState(s: unknown, replace: boolean): void; getInitialState(): unknown }).setState(
      (store as unknown as { getInitialState(): unknown }).getInitialState(),
      true,
    );
  }
  useLocale.setState({ locale: 'ko' });
  setScreenApi(null);
}
