/** Counters behind SimHandle.stats: what tests assert the client did (one token issuance, N requests…). */
import type { SimStats } from '../handle';

export class StatsCounter {
  private readonly tokens = new Map<string, number>();
  private readonly tokenCalls = new Map<string, number>();
  private readonly approvals = new Map<string, number>();
  private readonly byTr = new Map<string, number>();
  private totalRequests = 0;
  private orders = 0;
  private limited = 0;
  private sessionsTotal = 0;
  /** Set by the WS server: currently bound sessions. */
  openSessions: () => number = () => 0;

  tokenIssued(appkey: string): void {
    this.tokens.set(appkey, (this.tokens.get(appkey) ?? 0) + 1);
  }
  tokenAnswered(appkey: string): void {
    this.tokenCalls.set(appkey, (this.tokenCalls.get(appkey) ?? 0) + 1);
  }
  approvalIssued(appkey: string): void {
    this.approvals.set(appkey, (this.approvals.get(appkey) ?? 0) + 1);
  }
  request(trId: string): void {
    this.totalRequests++;
    this.byTr.set(trId, (this.byTr.get(trId) ?? 0) + 1);
  }
  orderReachedExchange(): void {
    this.orders++;
  }
  rateLimitedOnce(): void {
    this.limited++;
  }
  sessionOpened(): void {
    this.sessionsTotal++;
  }

  view(): SimStats {
    const sum = (m: Map<string, number>, k?: string) => (k === undefined ? [...m.values()].reduce((a, b) => a + b, 0) : (m.get(k) ?? 0));
    return {
      tokenIssuances: (appkey) => sum(this.tokens, appkey),
      tokenRequests: (appkey) => sum(this.tokenCalls, appkey),
      approvalIssuances: (appkey) => sum(this.approvals, appkey),
      requests: (trId) => (trId === undefined ? this.totalRequests : (this.byTr.get(trId) ?? 0)),
      orderRequests: () => this.orders,
      wsSessions: () => this.openSessions(),
      wsSessionsTotal: () => this.sessionsTotal,
      rateLimited: () => this.limited,
    };
  }
}
