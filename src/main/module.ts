/**
 * A core module: one slice of the terminal (app info, KIS connection, sync, orders…). It is built once per
 * core from a factory that receives the CoreContext, so any state lives in the factory's closure and two
 * cores (e.g. two tests) never share it.
 *
 * Adding a feature = a domain file in src/shared/ipc/domains + a module factory + one line in
 * src/main/modules.ts. The test in test/unit/ipc/coverage.test.ts fails while any contract channel has no
 * handler among the registered modules.
 */
import type { CoreContext } from './core';
import type { AllowMap, HandlerMap } from './ipc/types';

export interface HealthCheck {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface CoreModule {
  name: string;
  /** The invoke channels this module answers. */
  handlers?: Partial<HandlerMap>;
  /** Allowed-now checks, run after the schema and before the handler; may guard other modules' channels. */
  allowed?: Partial<AllowMap>;
  /** Called by core.start(), in list order. */
  start?(): Promise<void> | void;
  /** Called by core.stop(), in reverse order. */
  stop?(): Promise<void> | void;
  /** Contributes to app:health. */
  health?(): HealthCheck[] | Promise<HealthCheck[]>;
}

export type ModuleFactory = (ctx: CoreContext) => CoreModule;

/** Identity helper so a module file gets full typing: `export const fooModule = defineModule((ctx) => ({...}))`. */
export const defineModule = (factory: ModuleFactory): ModuleFactory => factory;
