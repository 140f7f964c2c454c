/**
 * The kill switch's state. Durable in the environment's store (kill_switch row, survives a restart); also held
 * in memory for this run so that it engages at once — before the store write returns — and still holds while
 * no session is up (it is written to the next session's store as soon as one appears).
 *
 * Engaged = this run engaged it OR the store says engaged. Releasing clears both.
 */
import type { Logger } from '../log';
import type { ActiveSession } from '../session/service';

export interface KillSwitchView {
  engaged: boolean;
  engagedAt: number | null;
}

export class KillSwitch {
  private memory: { engaged: boolean; at: number } | null = null;

  constructor(private readonly log: Logger) {}

  state(session: ActiveSession | null): KillSwitchView {
    const stored = session ? session.store.reads.killSwitch() : null;
    if (stored?.engaged) return { engaged: true, engagedAt: stored.changedAt };
    if (this.memory?.engaged) return { engaged: true, engagedAt: this.memory.at };
    return { engaged: false, engagedAt: null };
  }

  engaged(session: ActiveSession | null): boolean {
    return this.state(session).engaged;
  }

  /** Memory first (blocks at once), then the store. Returns false if the store write failed (memory still holds). */
  set(session: ActiveSession | null, engaged: boolean, at: number, reason: string, by: string): boolean {
    this.memory = engaged ? { engaged: true, at } : null;
    return this.persist(session, engaged, reason, by);
  }

  /** A new session came up: carry an engagement made while none was up (or in another environment) into it. */
  carryInto(session: ActiveSession): void {
    if (this.memory?.engaged && !session.store.reads.killSwitch().engaged) {
      this.persist(session, true, 'engaged before this session started', 'carry-over');
    }
  }

  private persist(session: ActiveSession | null, engaged: boolean, reason: string, by: string): boolean {
    if (!session) return false;
    const r = session.store.writer.setKillSwitch({ engaged, reason, by });
    if (!r.ok) {
      this.log.error('kill switch could not be persisted', { code: r.code, message: r.message, engaged });
      return false;
    }
    return true;
  }
}
