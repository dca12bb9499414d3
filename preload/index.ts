// Environment: Electron preload (sandboxed; bundled to dist/electron/preload.cjs, requires only 'electron').
// The single bridge: DeskApi's untyped transport as window.deskBridge. Never exposes ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { DESK_BRIDGE_GLOBAL, IPC_CHANNELS, type DeskBridge } from '../shared/desk-api.js';

type DispatchOutcome =
  { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

const bridge: DeskBridge = {
  async call(method, args) {
    const outcome = (await ipcRenderer.invoke(IPC_CHANNELS.call, method, args)) as DispatchOutcome;
    if (outcome.ok) return outcome.result;
    // Errors cross contextBridge with their message only: keep the code in it.
    throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  },
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(IPC_CHANNELS.event, forward);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.event, forward);
    };
  },
};

contextBridge.exposeInMainWorld(DESK_BRIDGE_GLOBAL, bridge);
