// Environment: Node. Calls that make sense only live (presence, settings, audit, canned replies, shopper history):
// never queued; they fail fast with `offline` when the hub is not connected and with `timeout` when it is slow.
import type { DeskError } from '../../shared/desk-api.js';
import type { RequestResult } from '../../shared/desk-protocol.js';
import { describeError } from './describe-error.js';
import { HubOfflineError } from './hub-client.js';

export type LiveOutcome<T> = { ok: true; value: T } | { ok: false; error: DeskError };

export const OFFLINE_ERROR: DeskError = {
  code: 'offline',
  message: 'Not connected to the hub. Try again when the console is back online.',
};

export async function runLiveRequest<T>(request: () => Promise<RequestResult<T>>): Promise<LiveOutcome<T>> {
  try {
    const result = await request();
    return result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error };
  } catch (error) {
    if (error instanceof HubOfflineError) return { ok: false, error: OFFLINE_ERROR };
    const message = describeError(error);
    // socket.io rejects an ack that never came with "operation has timed out".
    if (/timed out/i.test(message)) {
      return {
        ok: false,
        error: {
          code: 'timeout',
          message: 'The hub did not answer in time. Check the connection and try again.',
        },
      };
    }
    if (/disconnected/i.test(message)) return { ok: false, error: OFFLINE_ERROR };
    return { ok: false, error: { code: 'hub_unreachable', message } };
  }
}
