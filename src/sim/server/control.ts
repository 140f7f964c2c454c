/**
 * The test/demo-only control API, under /__sim/ on the REST port (loopback only): move the clock, change
 * knobs, inject trades, set cash and positions, halt symbols, read the ledger and stats. It bypasses the
 * KIS wire on purpose — it is how a test creates a ledger divergence or a market move.
 */
import type { Venue } from '../exchange/types';
import type { SimHandle, SimKnobs } from '../handle';
import { checkKnobNames } from './knobs';
import { kstDateTime } from './kst';

export interface ControlResult {
  status: number;
  body: unknown;
}

export interface ControlApi {
  handle(method: string, path: string, query: URLSearchParams, body: string): Promise<ControlResult>;
}

class BadRequest extends Error {}

function obj(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    throw new BadRequest('body is not JSON');
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new BadRequest('body must be a JSON object');
  return v as Record<string, unknown>;
}

function num(o: Record<string, unknown>, k: string): number {
  const v = o[k];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new BadRequest(`${k} must be a number`);
  return v;
}

function text(o: Record<string, unknown>, k: string, fallback?: string): string {
  const v = o[k] ?? fallback;
  if (typeof v !== 'string' || v === '') throw new BadRequest(`${k} must be a non-empty string`);
  return v;
}

function venue(o: Record<string, unknown>): Venue {
  const v = o.venue ?? 'KRX';
  if (v !== 'KRX' && v !== 'NXT') throw new BadRequest('venue must be KRX or NXT');
  return v;
}

export function createControlApi(handle: () => SimHandle): ControlApi {
  return {
    async handle(method, path, query, body) {
      const h = handle();
      const ex = h.exchange;
      try {
        const o = method === 'POST' ? obj(body) : {};
        const acct = () => text(o, 'account', h.account);
        switch (`${method} ${path}`) {
          case 'GET /__sim/state':
            return ok({
              now: h.clock.now(),
              nowKst: kstDateTime(h.clock.now()),
              env: h.env,
              tradeDate: ex.tradeDate(),
              regime: ex.regime(),
              knobs: h.knobs.get(),
              stats: {
                tokenIssuances: h.stats.tokenIssuances(),
                approvalIssuances: h.stats.approvalIssuances(),
                requests: h.stats.requests(),
                orderRequests: h.stats.orderRequests(),
                wsSessions: h.stats.wsSessions(),
                rateLimited: h.stats.rateLimited(),
              },
            });
          case 'POST /__sim/clock':
            if (o.set !== undefined) {
              if (typeof o.set !== 'string' && typeof o.set !== 'number') throw new BadRequest('set must be an ISO string or epoch ms');
              h.clock.set(o.set);
            }
            if (o.advanceMs !== undefined) h.clock.advance(num(o, 'advanceMs'));
            return ok({ now: h.clock.now(), nowKst: kstDateTime(h.clock.now()) });
          case 'POST /__sim/knobs': {
            const unknown = checkKnobNames(o);
            if (unknown.length > 0) throw new BadRequest(`unknown knob(s): ${unknown.join(', ')}`);
            h.knobs.set(o as Partial<SimKnobs>);
            return ok({ knobs: h.knobs.get() });
          }
          case 'POST /__sim/trade':
            ex.control.injectTrade(text(o, 'symbol'), venue(o), num(o, 'price'), num(o, 'qty'));
            return ok({});
          case 'POST /__sim/cash':
            ex.control.setCash(acct(), num(o, 'cash'));
            return ok({});
          case 'POST /__sim/position':
            ex.control.setPosition(acct(), text(o, 'symbol'), num(o, 'qty'), num(o, 'avgPrice'));
            return ok({});
          case 'POST /__sim/halt':
            ex.control.setHalted(text(o, 'symbol'), venue(o), o.halted !== false);
            return ok({});
          case 'POST /__sim/refuse-next':
            ex.control.refuseNextOrder();
            return ok({});
          case 'GET /__sim/ledger':
            return ok({ ledger: h.ledger(query.get('account') ?? undefined) });
          default:
            return { status: 404, body: { ok: false, error: `no control route ${method} ${path}` } };
        }
      } catch (err) {
        const status = err instanceof BadRequest ? 400 : 500;
        return { status, body: { ok: false, error: err instanceof Error ? err.message : String(err) } };
      }
    },
  };
}

function ok(extra: Record<string, unknown>): ControlResult {
  return { status: 200, body: { ok: true, ...extra } };
}
