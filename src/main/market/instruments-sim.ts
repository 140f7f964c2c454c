/** Demo: the instrument directory is the simulator's own universe (names, markets, NXT eligibility). */
import type { SimHandle } from '../../sim/handle';
import { createInstrumentDirectory, type MutableInstrumentDirectory } from './instruments';

export function simInstrumentDirectory(sim: Pick<SimHandle, 'exchange'>): MutableInstrumentDirectory {
  return createInstrumentDirectory(
    sim.exchange.instruments().map((i) => ({
      info: { symbol: i.code, name: i.name, nameEn: i.nameEn, market: i.market, etp: i.etp, nxtEligible: i.nxtEligible },
      // Market cap as the tie-breaker, like the master files' 시가총액.
      weight: i.prevClose * i.listedShares,
    })),
  );
}
