/** KIS realtime (WebSocket) client — public surface. */
export { RealtimeClient } from './client';
export type { RealtimeClientOptions, RealtimeEvents, RealtimeStats, StateEvent, AnomalyKind, PlanSummary, RegistrationView } from './client';
export { FrameParser } from './frame';
export type { ParsedFrame, MalformedReason, ParserCounters } from './frame';
export { planRegistrations, nextStep, registrationKey } from './plan';
export type { DesiredStreams, VenueSelection, Plan, Registration, Tier } from './plan';
export type { SubscriptionEvent, SubscriptionStatus } from './subscriptions';
export { backoffDelay, DEFAULT_BACKOFF } from './backoff';
export type { BackoffOptions } from './backoff';
export { decryptPayload, makeCipher } from './aes';
export { TRADE_TR, BOOK_TR, NOTICE_TR, TR_INFO } from './trs';
export type * from './types';
