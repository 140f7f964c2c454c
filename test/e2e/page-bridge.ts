/**
 * Runs inside the page (bundled to an IIFE by the harness): builds `window.aegis` with THE SAME builder the
 * preload uses, over a transport whose calls go to the core in the test process (Playwright binding
 * `__aegisCall`) and whose events the harness delivers through `__aegisDeliver`.
 */
import { buildAegisApi } from '../../src/shared/ipc/api';

// test/ is type-checked with Node's libs only (no DOM), so the few page globals used here are declared.
interface CspViolationEvent {
  violatedDirective: string;
  blockedURI: string;
  sample: string;
}
interface HarnessWindow {
  document: { addEventListener(type: 'securitypolicyviolation', listener: (e: CspViolationEvent) => void): void };
  __aegisCall(channel: string, input: unknown): Promise<unknown>;
  __aegisReportCsp(violation: { directive: string; blockedURI: string; sample: string }): void;
  __aegisDeliver?: (event: string, payload: unknown) => void;
  aegis?: unknown;
}

const w = globalThis as unknown as HarnessWindow;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

w.__aegisDeliver = (event, payload) => {
  for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
};

w.aegis = buildAegisApi({
  invoke: (channel, input) => w.__aegisCall(channel, input),
  subscribe(event, listener) {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
});

w.document.addEventListener('securitypolicyviolation', (e) => {
  w.__aegisReportCsp({ directive: e.violatedDirective, blockedURI: e.blockedURI, sample: e.sample });
});
