/**
 * The modules the app runs, in start order (stopped in reverse). Add one line per module.
 */
import { accountModule } from './account/module';
import { appModule } from './app-module';
import { marketModule } from './market/module';
import { ordersModule } from './orders/module';
import type { ModuleFactory } from './module';
import { sessionModule } from './session/module';

export const coreModules: readonly ModuleFactory[] = [
  // First: provides SESSION and knows the live environment before the app module publishes conn:state.
  sessionModule,
  appModule,
  marketModule,
  accountModule,
  ordersModule,
];
