// Environment: browser. The shopper's other conversations and recent events, per open conversation: live from
// the hub when connected, else the desk core's last copy (marked cached).
import type { DeskApi, DeskCallResult } from '../../shared/desk-api.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';
import { describeDeskError } from './describe-desk-error.js';

type HistoryValue = Extract<DeskCallResult<'shopperHistory'>, { ok: true }>['value'];

export type ShopperHistoryState =
  { state: 'loading' } | ({ state: 'ready' } & HistoryValue) | { state: 'error'; message: string };

export interface ShopperHistorySlice {
  historyByConversation: Record<string, ShopperHistoryState>;
  loadShopperHistory(conversationId: string): Promise<void>;
}

export const createShopperHistorySlice =
  (api: DeskApi): DeskSliceCreator<ShopperHistorySlice> =>
  (set, get) => {
    const put = (conversationId: string, value: ShopperHistoryState) =>
      set((state) => ({
        historyByConversation: { ...state.historyByConversation, [conversationId]: value },
      }));
    return {
      historyByConversation: {},

      async loadShopperHistory(conversationId) {
        // A refresh keeps what is shown; only the first load shows a skeleton.
        if (get().historyByConversation[conversationId]?.state !== 'ready')
          put(conversationId, { state: 'loading' });
        try {
          const result = await api.shopperHistory({ conversationId });
          put(
            conversationId,
            result.ok
              ? { state: 'ready', ...result.value }
              : { state: 'error', message: describeDeskError(result.error) },
          );
        } catch (error) {
          put(conversationId, { state: 'error', message: describeFailure(error) });
        }
      },
    };
  };
