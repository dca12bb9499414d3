// Environment: Node (hub). The shopper pane's history: the same shopper's other conversations (by
// profile ID or email), their latest events in the stream and the segments their profile is in now.
import type { RequestResult } from '../../shared/desk-protocol.js';
import type { Conversation } from '../../shared/domain.js';
import type { StreamEvent } from '../../shared/events.js';
import type { SegmentRef } from '../../shared/segments.js';
import type { HubStore } from '../store/hub-store.js';
import { missingConversationMessage } from './erasure.js';

export const HISTORY_CONVERSATIONS = 20;
export const HISTORY_EVENTS = 30;

export function shopperHistory(
  store: HubStore,
  conversationId: string,
  segmentsOf: (shopper: { email: string | null; profileId: string | null }) => SegmentRef[] = () => [],
): RequestResult<{ conversations: Conversation[]; events: StreamEvent[]; segments: SegmentRef[] }> {
  const conversation = store.getConversation(conversationId);
  if (!conversation || conversation.escalatedAt === null) {
    return {
      ok: false,
      error: { code: 'not_found', message: missingConversationMessage(store, conversationId) },
    };
  }
  const shopper = {
    email: conversation.shopper.email ?? null,
    profileId: conversation.shopper.profileId ?? null,
  };
  return {
    ok: true,
    value: {
      conversations: store.listShopperConversations(shopper, {
        excludeId: conversationId,
        limit: HISTORY_CONVERSATIONS,
      }),
      events: store.listShopperEvents(shopper, HISTORY_EVENTS),
      segments: segmentsOf(shopper),
    },
  };
}
