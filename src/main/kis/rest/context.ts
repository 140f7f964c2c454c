/** What every endpoint function needs: the caller, the environment rules, the account and the clock. */
import type { Clock } from '../../../shared/clock';
import type { Logger } from '../../log';
import type { KisAccount, KisEnvironment } from '../config';
import type { KisCaller } from './caller';

export interface RestContext {
  caller: KisCaller;
  env: KisEnvironment;
  account: KisAccount;
  clock: Clock;
  logger: Logger;
}
