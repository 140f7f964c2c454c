/** Public surface of the KIS client (REST + auth + limiter). The realtime client is in ./realtime. */
export { createKisRest, type KisRest, type KisRestOptions, type ReadOpts } from './rest';
export { createKisAuth, type KisAuth, type KisAuthOptions, type AccessTokenProvider, type ApprovalKeyProvider } from './auth';
export * from './errors';
export * from './config';
export type * from './types';
export { RateLimiter, type Priority } from './limiter';
export type { HolidayFallback } from './rest/marketInfo';
export type { QuoteOptions, DailyChartQuery, MinuteChartQuery } from './rest/quotes';
export { UNPRICED_ORD_DVSN } from './rest/orders';
export type { Sleep } from './timing';
