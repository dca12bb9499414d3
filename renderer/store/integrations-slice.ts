// Environment: browser. What leaves the hub (leads, read-only): forwarding's state and the webhook
// subscriptions, live from the hub when Settings shows them or the lead refreshes.
import type { DeskApi, DeskCallResult } from '../../shared/desk-api.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';
import { describeDeskError } from './describe-desk-error.js';

export type OutboundState = Extract<DeskCallResult<'outboundState'>, { ok: true }>['value'];

export type IntegrationsState =
  | { state: 'idle' }
  | { state: 'loading' }
  | ({ state: 'ready'; loadedAt: string } & OutboundState)
  | { state: 'error'; message: string };

export interface IntegrationsSlice {
  integrations: IntegrationsState;
  loadIntegrations(): Promise<void>;
}

export const createIntegrationsSlice =
  (api: DeskApi): DeskSliceCreator<IntegrationsSlice> =>
  (set, get) => ({
    integrations: { state: 'idle' },

    async loadIntegrations() {
      if (get().integrations.state !== 'ready') set({ integrations: { state: 'loading' } });
      try {
        const result = await api.outboundState({});
        set({
          integrations: result.ok
            ? { state: 'ready', loadedAt: new Date().toISOString(), ...result.value }
            : { state: 'error', message: describeDeskError(result.error) },
        });
      } catch (error) {
        set({ integrations: { state: 'error', message: describeFailure(error) } });
      }
    },
  });
