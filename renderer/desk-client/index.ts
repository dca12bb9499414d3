// Environment: browser. Picks the transport: Electron's preload bridge when it is there, otherwise the web
// host's WebSocket on the same origin.
import { DESK_BRIDGE_GLOBAL, WEB_BRIDGE_PATH, type DeskApi, type DeskBridge } from '../../shared/desk-api.js';
import { createDeskApi } from './desk-api-client.js';
import type { LinkedDeskBridge } from './linked-bridge.js';
import { createWebSocketBridge } from './websocket-bridge.js';

export { createDeskApi } from './desk-api-client.js';
export { createWebSocketBridge } from './websocket-bridge.js';
export { DeskClientError } from './desk-client-error.js';
export type { BridgeLinkState, LinkedDeskBridge } from './linked-bridge.js';

function isDeskBridge(value: unknown): value is DeskBridge {
  const candidate = value as Partial<DeskBridge> | null | undefined;
  return typeof candidate?.call === 'function' && typeof candidate.onEvent === 'function';
}

/** The preload's bridge lives as long as the window: its link is always up. */
function alwaysOpen(bridge: DeskBridge): LinkedDeskBridge {
  return {
    call: (method, args) => bridge.call(method, args),
    onEvent: (listener) => bridge.onEvent(listener),
    linkState: () => 'open',
    onLinkChange: () => () => undefined,
    close: () => undefined,
  };
}

/** `electron`: the preload's bridge is there (Electron shows notifications itself); else the web host. */
export function connectDesk(): { api: DeskApi; bridge: LinkedDeskBridge; electron: boolean } {
  const exposed: unknown = (globalThis as Record<string, unknown>)[DESK_BRIDGE_GLOBAL];
  const electron = isDeskBridge(exposed);
  const bridge = isDeskBridge(exposed)
    ? alwaysOpen(exposed)
    : createWebSocketBridge({
        url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WEB_BRIDGE_PATH}`,
      });
  return { api: createDeskApi(bridge), bridge, electron };
}
