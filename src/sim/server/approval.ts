/**
 * WebSocket approval keys (kis-api.md §2.2): body field `secretkey`, UUID-shaped keys bound to the appkey
 * and personality, valid 24 h (checked at session start), at most one call a second per appkey
 * (wall clock: a burst limit) → HTTP 500 EGW00201 envelope.
 */
import type { Personality } from '../exchange/types';
import { gatewayError, oauthError, type Reply } from './envelope';
import { checkCredentials, type CredentialBook } from './credentials';
import { SeededStream } from './rng';
import type { StatsCounter } from './stats';

const VALIDITY_MS = 24 * 3600_000;

export interface ApprovalRecord {
  key: string;
  appkey: string;
  personality: Personality;
  issuedAt: number; // sim ms
}

export class ApprovalService {
  private readonly keys = new Map<string, ApprovalRecord>();
  private readonly lastCallWall = new Map<string, number>();
  private readonly stream: SeededStream;

  constructor(
    seed: number,
    private readonly book: CredentialBook,
    private readonly simNow: () => number,
    private readonly wallNow: () => number,
    private readonly egwStatus: () => 500 | 200,
    private readonly stats: StatsCounter,
  ) {
    this.stream = new SeededStream(seed, 'approval-key');
  }

  issue(body: Record<string, unknown>): Reply {
    // `secretkey`, not `appsecret` ("appsecret와 secretkey는 동일"): a missing one is EGW00104.
    const cred = checkCredentials(this.book, body.appkey, body.secretkey);
    if (!cred.ok) return oauthError(cred.code);
    const appkey = cred.cred.appkey;
    const wall = this.wallNow();
    const last = this.lastCallWall.get(appkey);
    if (last !== undefined && wall - last < 1000) return gatewayError('EGW00201', this.egwStatus());
    this.lastCallWall.set(appkey, wall);
    const rec: ApprovalRecord = { key: this.stream.uuid(), appkey, personality: cred.cred.personality, issuedAt: this.simNow() };
    this.keys.set(rec.key, rec);
    this.stats.approvalIssued(appkey);
    return { status: 200, body: { approval_key: rec.key } };
  }

  /** The owner of a still-valid key, else undefined (→ OPSP0011). */
  owner(key: string): ApprovalRecord | undefined {
    const rec = this.keys.get(key);
    if (!rec || rec.personality !== this.book.personality) return undefined;
    if (this.simNow() - rec.issuedAt >= VALIDITY_MS) return undefined;
    return rec;
  }
}
