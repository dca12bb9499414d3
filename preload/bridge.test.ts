// Electron cannot run here: 'electron' is stubbed at the module boundary (vi.mock) to check what the sandboxed
// preload hands the page — one bridge object over two fixed channels, never ipcRenderer itself.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DESK_BRIDGE_GLOBAL, IPC_CHANNELS, type DeskBridge } from '../shared/desk-api.js';

const exposed = new Map<string, unknown>();
const ipcRenderer = {
  invoke: vi.fn(),
  on: vi.fn(),
  removeListener: vi.fn(),
  send: vi.fn(),
};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value) },
  ipcRenderer,
}));

async function loadBridge(): Promise<DeskBridge> {
  await import('./index.js');
  return exposed.get(DESK_BRIDGE_GLOBAL) as DeskBridge;
}

describe('preload bridge', () => {
  beforeEach(() => vi.clearAllMocks());

  it('exposes only the desk bridge, with nothing of ipcRenderer in it', async () => {
    const bridge = await loadBridge();
    expect([...exposed.keys()]).toEqual([DESK_BRIDGE_GLOBAL]);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onEvent']);
    expect(Object.values(bridge).includes(ipcRenderer as never)).toBe(false);
  });

  it('calls go over the one call channel, whatever the method name says', async () => {
    const bridge = await loadBridge();
    ipcRenderer.invoke.mockResolvedValue({ ok: true, result: 42 });
    await expect(bridge.call('desk:event', { x: 1 })).resolves.toBe(42);
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNELS.call, 'desk:event', { x: 1 });
    expect(ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('a refusal from the main process arrives as an error naming its code', async () => {
    const bridge = await loadBridge();
    ipcRenderer.invoke.mockResolvedValue({
      ok: false,
      error: { code: 'forbidden', message: 'This frame may not call the desk core.' },
    });
    await expect(bridge.call('getSnapshot', {})).rejects.toThrow('forbidden: This frame may not call');
  });

  it('listens on the event channel only and stops when asked', async () => {
    const bridge = await loadBridge();
    const stop = bridge.onEvent(() => undefined);
    expect(ipcRenderer.on).toHaveBeenCalledExactlyOnceWith(IPC_CHANNELS.event, expect.any(Function));
    stop();
    expect(ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith(
      IPC_CHANNELS.event,
      ipcRenderer.on.mock.calls[0]![1],
    );
  });
});
