/**
 * The renderer's only way out: `window.aegis`, exposed by the preload (or by the E2E harness). Types come
 * from the contract; nothing here imports Node, Electron or main.
 */
import type { AegisApi } from '../shared/ipc/contract';

declare global {
  interface Window {
    aegis?: AegisApi;
  }
}

export function getAegis(): AegisApi | null {
  return typeof window !== 'undefined' && window.aegis ? window.aegis : null;
}
