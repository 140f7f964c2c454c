/**
 * The sandboxed preload. It exposes exactly one thing, `window.aegis`, built from the contract by the same
 * builder the E2E harness uses (src/shared/ipc/api.ts). No ipcRenderer, no Electron object, no Node API
 * reaches the page: listeners get only the payload, never the IpcRendererEvent (whose `sender` is the
 * ipcRenderer itself).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildAegisApi, type AegisTransport } from '../shared/ipc/api';

const transport: AegisTransport = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe(event, listener) {
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('aegis', buildAegisApi(transport));
