/**
 * Connection state for the status bar, fed by `conn:state` events and seeded by `app:connection` and
 * `app:info` so a reloaded window does not wait for the next change.
 */
import { create } from 'zustand';
import type { AegisApi } from '../../shared/ipc/contract';
import type { ConnState } from '../../shared/ipc/domains/app';

export interface AppInfo {
  version: string;
  environment: ConnState['environment'];
  dataDir: string;
}

interface ConnectionStore {
  conn: ConnState | null;
  info: AppInfo | null;
  /** Set when the seeding calls failed; shown instead of pretending to know. */
  error: string | null;
  applyConn(conn: ConnState): void;
}

export const useConnection = create<ConnectionStore>((set) => ({
  conn: null,
  info: null,
  error: null,
  applyConn: (conn) => set({ conn }),
}));

/** Wires the store to the bridge; returns the unsubscribe. */
export function bindConnection(api: AegisApi): () => void {
  let eventSeen = false;
  const off = api.on('conn:state', (conn) => {
    eventSeen = true;
    useConnection.getState().applyConn(conn);
  });
  void api.invoke['app:connection']({}).then((r) => {
    // An event that arrived meanwhile is newer than this answer.
    if (r.ok && !eventSeen) useConnection.getState().applyConn(r.value);
    if (!r.ok) useConnection.setState({ error: r.message });
  });
  void api.invoke['app:info']({}).then((r) => {
    if (r.ok) useConnection.setState({ info: r.value });
    else useConnection.setState({ error: r.message });
  });
  return off;
}
