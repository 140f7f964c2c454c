/**
 * The modules the app runs, in start order (stopped in reverse). Add one line per module.
 */
import { appModule } from './app-module';
import type { ModuleFactory } from './module';

export const coreModules: readonly ModuleFactory[] = [appModule];
