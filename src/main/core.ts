/**
 * The whole terminal minus Electron. index.ts builds one with Electron's adapters; tests and the E2E harness
 * build the same thing with doubles for the few Electron-only ports (design.md "core seam").
 *
 * The core itself only wires: it builds each module from `src/main/modules.ts`, collects their handlers and
 * allowed-now checks into the IPC router (src/main/ipc/router.ts), validates every event against the
 * contract before it leaves, and starts/stops the modules in order.
 */
import { mkdir } from 'node:fs/promises';
import type { Clock } from '../shared/clock';
import { eventSchema, isEventName, isInvokeChannel, type EventName, type EventPayload, type InvokeChannel } from '../shared/ipc/contract';
import type { Result } from '../shared/ipc/result';
import type { Environment } from '../shared/ipc/schemas';
import type { Notifier } from './electron-ports';
import { createRouter } from './ipc/router';
import { APP_ORIGIN, checkExtraRendererOrigin, type SenderInfo } from './ipc/sender';
import type { AllowCheck, Allowance, CallContext, Handler } from './ipc/types';
import { createLogger, type Logger } from './log';
import type { CoreModule, HealthCheck, ModuleFactory } from './module';
import { coreModules } from './modules';
import type { Keychain } from './secrets/keychain';
import { createServiceRegistry, type ServiceRegistry } from './services';

export interface CoreDeps {
  /** Where this installation keeps its database and logs (Electron's userData in the app, a temp dir in tests). */
  dataDir: string;
  /** Defaults to 'demo': the built-in simulator, so a machine without credentials still works. */
  environment?: Environment;
  clock: Clock;
  keychain: Keychain;
  notifier: Notifier;
  logger?: Logger;
  appVersion?: string;
  /**
   * One more renderer origin to trust besides app://aegis: only http on loopback with a port, for the E2E
   * harness (which serves the built renderer over http) and `electron-vite dev`. Never set in a packaged app.
   */
  extraRendererOrigin?: string;
  /** The modules to build; defaults to the app's list in src/main/modules.ts. */
  modules?: readonly ModuleFactory[];
}

/** What a module sees of the core. */
export interface CoreContext {
  readonly dataDir: string;
  readonly environment: Environment;
  readonly clock: Clock;
  readonly keychain: Keychain;
  readonly notifier: Notifier;
  readonly logger: Logger;
  readonly appVersion: string;
  /** Pushes an event to the renderer(s). The payload is validated against the contract; false if refused. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): boolean;
  /** The last payload emitted for an event, for channels that answer "what is it now". */
  latest<E extends EventName>(event: E): EventPayload<E> | undefined;
  /** Health of every module (start outcome plus each module's own checks). */
  health(): Promise<HealthCheck[]>;
  /** Live services modules share (src/main/services.ts): provided at build time, used at call time. */
  readonly services: ServiceRegistry;
}

export type CoreListener = (event: EventName, payload: unknown) => void;

export interface Core {
  /** One IPC call through the three guards. Never throws. */
  handle(channel: string, payload: unknown, sender: SenderInfo): Promise<Result<unknown>>;
  /** Subscribes to every event the core emits; returns the unsubscribe function. */
  on(listener: CoreListener): () => void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly context: CoreContext;
  /** The channels some registered module handles. */
  readonly handledChannels: readonly InvokeChannel[];
  readonly moduleNames: readonly string[];
  /** Origins whose top frame may call (app://aegis plus the optional extra one). */
  readonly allowedOrigins: readonly string[];
}

export function createCore(deps: CoreDeps): Core {
  const logger = deps.logger ?? createLogger();
  const log = logger.child('core');
  const allowedOrigins = [APP_ORIGIN];
  if (deps.extraRendererOrigin !== undefined) allowedOrigins.push(checkExtraRendererOrigin(deps.extraRendererOrigin));

  const listeners = new Set<CoreListener>();
  const latestByEvent = new Map<EventName, unknown>();
  const startProblems = new Map<string, string>();
  let modules: CoreModule[] = [];

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): boolean => {
    if (!isEventName(event)) {
      log.error('emit of an event not in the contract', { event: String(event) });
      return false;
    }
    const parsed = eventSchema(event).safeParse(payload);
    if (!parsed.success) {
      log.error('event payload does not match the contract', { event, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })) });
      return false;
    }
    latestByEvent.set(event, parsed.data);
    for (const listener of listeners) {
      try {
        listener(event, parsed.data);
      } catch (err) {
        log.error('event listener threw', { event, error: err });
      }
    }
    return true;
  };

  const context: CoreContext = {
    dataDir: deps.dataDir,
    environment: deps.environment ?? 'demo',
    clock: deps.clock,
    keychain: deps.keychain,
    notifier: deps.notifier,
    logger,
    appVersion: deps.appVersion ?? '0.0.0',
    emit,
    services: createServiceRegistry(),
    latest: <E extends EventName>(event: E) => latestByEvent.get(event) as EventPayload<E> | undefined,
    health: async () => {
      const checks: HealthCheck[] = [];
      for (const m of modules) {
        const problem = startProblems.get(m.name);
        checks.push(problem === undefined ? { name: `module:${m.name}`, ok: true } : { name: `module:${m.name}`, ok: false, detail: problem });
        if (m.health) {
          try {
            checks.push(...(await m.health()));
          } catch (err) {
            log.error('health check threw', { module: m.name, error: err });
            checks.push({ name: `module:${m.name}:health`, ok: false, detail: 'health check failed' });
          }
        }
      }
      return checks;
    },
  };

  modules = (deps.modules ?? coreModules).map((factory) => factory(context));
  const { handlers, allowed } = collect(modules);
  const route = createRouter({ handlers, allowed, allowedOrigins, logger: logger.child('ipc') });

  let state: 'new' | 'starting' | 'started' | 'stopping' | 'stopped' = 'new';
  let started: CoreModule[] = [];

  return {
    handle: (channel, payload, sender) => route(channel, payload, sender),
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit,
    async start() {
      if (state !== 'new') return;
      state = 'starting';
      await mkdir(deps.dataDir, { recursive: true });
      for (const m of modules) {
        try {
          await m.start?.();
          started.push(m);
        } catch (err) {
          // One broken module must not take the shell (and the kill switch) down with it; health shows it.
          startProblems.set(m.name, err instanceof Error ? err.message.slice(0, 300) : 'start failed');
          log.error('module failed to start', { module: m.name, error: err });
        }
      }
      state = 'started';
    },
    async stop() {
      if (state === 'stopping' || state === 'stopped') return;
      state = 'stopping';
      for (const m of [...started].reverse()) {
        try {
          await m.stop?.();
        } catch (err) {
          log.error('module failed to stop', { module: m.name, error: err });
        }
      }
      started = [];
      state = 'stopped';
    },
    context,
    handledChannels: [...handlers.keys()],
    moduleNames: modules.map((m) => m.name),
    allowedOrigins,
  };
}

/** Merges the modules' handler and allowed-now maps; a channel handled twice or not in the contract is a bug. */
function collect(modules: readonly CoreModule[]): {
  handlers: Map<InvokeChannel, Handler<InvokeChannel>>;
  allowed: Map<InvokeChannel, AllowCheck<InvokeChannel>>;
} {
  const handlers = new Map<InvokeChannel, Handler<InvokeChannel>>();
  const owner = new Map<string, string>();
  const checks = new Map<InvokeChannel, AllowCheck<InvokeChannel>[]>();
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`core: two modules are named "${m.name}"`);
    names.add(m.name);
    for (const [channel, handler] of Object.entries(m.handlers ?? {})) {
      if (!isInvokeChannel(channel)) throw new Error(`core: module "${m.name}" handles "${channel}", which is not in the contract`);
      if (owner.has(channel)) throw new Error(`core: "${channel}" is handled by both "${owner.get(channel)}" and "${m.name}"`);
      if (typeof handler !== 'function') continue;
      owner.set(channel, m.name);
      handlers.set(channel, handler as Handler<InvokeChannel>);
    }
    for (const [channel, check] of Object.entries(m.allowed ?? {})) {
      if (!isInvokeChannel(channel)) throw new Error(`core: module "${m.name}" guards "${channel}", which is not in the contract`);
      if (typeof check !== 'function') continue;
      const list = checks.get(channel) ?? [];
      list.push(check as AllowCheck<InvokeChannel>);
      checks.set(channel, list);
    }
  }
  // Several modules may guard one channel (e.g. the kill switch guards order entry): all must agree, in order.
  const allowed = new Map<InvokeChannel, AllowCheck<InvokeChannel>>();
  for (const [channel, list] of checks) {
    allowed.set(channel, async (input: unknown, call: CallContext): Promise<Allowance> => {
      for (const check of list) {
        const verdict = await check(input as never, call);
        if (!verdict.ok) return verdict;
      }
      return { ok: true };
    });
  }
  return { handlers, allowed };
}
