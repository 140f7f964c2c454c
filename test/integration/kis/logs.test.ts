/** Secrets never reach a log line: a full session is captured by a sink and searched for every secret. */
import { describe, expect, it } from 'vitest';
import { settle } from '../../../src/main/kis';
import { captureLogs, clientFor, keychain, simSleeper, startSim } from './helpers';
import { createSecretStore, scopedName } from '../../../src/main/secrets/secretStore';

describe('log hygiene', () => {
  it('no appkey, appsecret, token, approval key, account number or HTS ID in any captured record', async () => {
    const sim = await startSim();
    const logs = captureLogs();
    const kis = await clientFor(sim, { logger: logs.logger, sleep: simSleeper(sim).sleep });
    try {
      await kis.inquireBalance();
      await kis.inquirePsblOrder({ symbol: '005930' });
      const ack = await kis.orderCash({ side: 'buy', symbol: '005930', ordDvsn: '00', qty: 1, price: 60_000 });
      await settle(kis.orderCash({ side: 'buy', symbol: '999999', ordDvsn: '00', qty: 1, price: 1000 })); // a rejection
      sim.knobs.set({ forceTokenExpiredCalls: 1 });
      await kis.openOrders(); // renewal path
      sim.knobs.set({ failAfterAccept: { count: 1, mode: 'http500' } });
      await settle(kis.orderModifyCancel({ kind: 'cancel', originalOrderNo: ack.orderNo, orgNo: ack.orgNo, ordDvsn: '00', all: true }));
      const approval = await kis.auth.approvalKeys.get();

      const stored = await createSecretStore(await keychain(), 'demo').getJson(
        scopedName('token', `${sim.rest}|${sim.appkey}`),
        (await import('zod')).z.object({ current: (await import('zod')).z.object({ value: (await import('zod')).z.string() }) }),
      );
      const token = stored!.current.value;
      const [cano, prdt] = sim.account.split('-') as [string, string];
      const secrets = { appkey: sim.appkey, appsecret: sim.appsecret, token, approval, account: sim.account, cano, canoPrdt: cano + prdt, htsId: sim.htsId };

      const text = logs.text();
      expect(logs.records.length).toBeGreaterThan(5); // the session really logged
      expect(text).toContain('order accepted');
      expect(text).toContain('renewing once');
      for (const [name, value] of Object.entries(secrets)) expect(text.includes(value), `${name} leaked into the logs`).toBe(false);
    } finally {
      await kis.close();
      await sim.close();
    }
  });
});
