/**
 * The orders module: IPC for order entry, modify/cancel, cancel-all and the kill switch (issue 6). The
 * allowed-now guards (armed → kill switch) run in the router before any handler; the handlers delegate to the
 * OrderService. The tray's "Cancel all" calls `core.handle('orders:cancelAll', {})` like the renderer does.
 */
import { ok } from '../../shared/ipc/result';
import { defineModule } from '../module';
import { orderGuards } from './guards';
import { ORDERS, OrderService } from './service';

export const ordersModule = defineModule((ctx) => {
  const svc = new OrderService(ctx);
  ctx.services.provide(ORDERS, svc);
  return {
    name: 'orders',
    handlers: {
      'orders:preview': (t) => svc.preview(t),
      'orders:submit': (t) => svc.submit(t),
      'orders:modify': (input) => svc.modify(input),
      'orders:cancel': (input) => svc.cancel(input),
      'orders:cancelAll': async () => {
        const r = await svc.cancelAll('cancel all');
        if (!r.ok) return r;
        const { requested, cancelled, failed, message } = r.value;
        return ok({ requested, cancelled, failed, message });
      },
      'risk:state': () => ok(svc.riskState()),
      'risk:killSwitch': async ({ engage }) => ok(await svc.setKillSwitch(engage, 'ipc')),
    },
    allowed: orderGuards(svc),
    start: () => svc.start(),
    stop: () => svc.stop(),
    health: () => [{ name: 'orders', ok: true, detail: `${svc.chase.active()} chasing; kill switch ${svc.riskState().killSwitch ? 'engaged' : 'off'}` }],
  };
});
