/**
 * The exchange's internal state shapes. Public records (OrderRecord, Quote, …) are embedded and mutated in
 * place; the facade hands out copies.
 */
import type { OrdDvsnInfo } from '../../shared/market/ordDvsn';
import type { FeeRates } from '../../shared/market/fees';
import type { SimKnobs } from '../handle';
import type { InstrumentFixture } from '../fixtures/universe';
import type { Rng } from './prng';
import type {
  BookLevel,
  DailyBar,
  ExchangeEvents,
  Fill,
  Instrument,
  MinuteBar,
  OrderRecord,
  Personality,
  Quote,
  Venue,
} from './types';
import type { Ledger } from './ledger';

/** Client orders resting at one price, in time priority. */
export interface RestingLevel {
  price: number;
  orders: LiveOrder[];
}

/** One symbol on one venue: the synthetic liquidity, resting client orders, running quote and minute bars. */
export interface VenueBook {
  symbol: string;
  venue: Venue;
  etp: boolean;
  /** Synthetic (market-maker) liquidity: asks ascending, bids descending, up to 10 levels each. */
  synthAsks: BookLevel[];
  synthBids: BookLevel[];
  /** Resting client orders: asks ascending, bids descending. */
  clientAsks: RestingLevel[];
  clientBids: RestingLevel[];
  quote: Quote;
  minuteBars: MinuteBar[];
  /** Typical synthetic level size (shares). */
  depthQty: number;
  /** Static VI: the 2-minute single-price call ends at this time (0 = no VI). */
  viUntil: number;
  /** Static VI reference price (the last single price: open, VI uncross); 0 = use the base price. */
  viRef: number;
  /** Mean synthetic trades per second in continuous trading. */
  tradeRate: number;
  bookTime: number;
}

export interface SymbolState {
  fx: InstrumentFixture;
  inst: Instrument;
  /** The latent fair value the price path follows (float; trades happen on the grid around it). */
  fair: number;
  fairTime: number;
  rng: Rng;
  krx: VenueBook;
  nxt: VenueBook | null;
  /** 통합 (KRX+NXT) running quote and bars. */
  unQuote: Quote;
  unMinuteBars: MinuteBar[];
  /** Today's official KRX close (closing-auction price), null until 15:30. */
  closePrice: number | null;
  /** Generated history before the first simulated day, oldest first (built on first use: most runs never ask). */
  history: DailyBar[] | null;
  historyFrom: string;
  /** Completed simulated days, oldest first. */
  sessionBars: DailyBar[];
  /** Stop-limit orders waiting for their trigger. */
  stops: LiveOrder[];
  /** Legacy 시간외 단일가 (07) orders waiting for the next 10-minute match. */
  singlePrice: LiveOrder[];
}

export interface LiveOrder {
  rec: OrderRecord;
  info: OrdDvsnInfo;
  sym: SymbolState;
  htsId: string;
  /** Venues this order may trade on (SOR: both when both were open). */
  venues: Venue[];
  /** Where it rests now, if it rests. */
  restingOn: Venue | null;
  /** Effective limit price while resting/matching (market orders: the band limit). */
  limit: number;
  isMarket: boolean;
  /** Buy reservation per share (price, or upper limit for unpriced). */
  reservePrice: number;
  /** Currently reserved 원 (buys). */
  reserved: number;
  seq: number;
  expiresAt: number;
  /** Stop-limit not yet triggered. */
  waitingStop: boolean;
  /** 조건부지정가: becomes a market order in the closing auction. */
  conditional: boolean;
  fillSeq: number;
}

export interface Emitter {
  emit<K extends keyof ExchangeEvents>(event: K, ...args: Parameters<ExchangeEvents[K]>): void;
  has(event: keyof ExchangeEvents): boolean;
}

export interface Ctx {
  personality: Personality;
  seed: number;
  knobs(): SimKnobs;
  now: number;
  /** The furthest time the market has been simulated to (the clock may be set back below it). */
  highWater: number;
  /** The session date the quotes belong to (last trading day started), YYYYMMDD. */
  sessionDate: string;
  symbols: Map<string, SymbolState>;
  ledger: Ledger;
  orders: Map<string, LiveOrder>;
  /** All order records in creation order (incl. closed ones). */
  orderList: LiveOrder[];
  fills: Fill[];
  nextOrderNo: number;
  nextSeq: number;
  refuseNext: number;
  rates: FeeRates;
  isTradingDay(ymd: string): boolean;
  emitter: Emitter;
  /** Symbols whose stop orders must be re-checked once the current operation finishes. */
  stopCheck: Set<SymbolState>;
  /** Suppress trade/book events (coarse catch-up). Notices are never suppressed. */
  quiet: boolean;
}
