// Environment: Node (hub). Handoffs from integrations (and the demo seed): create, shopper messages,
// delivery receipts and the view a channel integration reads. Each write is one transaction.
import type { Conversation, Message } from '../../shared/domain.js';
import { METRICS } from '../../shared/events.js';
import type { CreateHandoffRequest, HandoffView, ShopperMessageRequest } from '../../shared/handoff-api.js';
import type { HubStore } from '../store/hub-store.js';
import { appendMetric } from './events.js';
import { applyHandoffRules, type HandoffRules } from './handoff-rules.js';
import { isReopenable, reopen } from './reopen.js';

/** What a channel integration reads, and so what it delivers: internal notes are never in it. */
export function handoffView(store: HubStore, conversationId: string): HandoffView | null {
  const conversation = store.getConversation(conversationId);
  if (!conversation) return null;
  const transcript = store.listMessages(conversationId).filter((message) => !message.internal);
  return { ...conversation, conversationId: conversation.id, transcript };
}

/** Ids that occur more than once in a transcript, by index: a handoff must not carry two messages with one id. */
export function duplicateTranscriptIds(transcript: { id: string }[]): { index: number; id: string }[] {
  const seen = new Set<string>();
  const duplicates: { index: number; id: string }[] = [];
  transcript.forEach((entry, index) => {
    if (seen.has(entry.id)) duplicates.push({ index, id: entry.id });
    seen.add(entry.id);
  });
  return duplicates;
}

/**
 * Creates a queued handoff with its transcript and its `Conversation Escalated` event, or returns the
 * existing one for a known conversationId (never a duplicate). Call duplicateTranscriptIds first.
 * With `rules`, the handoff rules apply (auto-response and `Handoff Missed`); the demo seed passes none.
 */
export function createHandoff(
  store: HubStore,
  request: CreateHandoffRequest,
  escalatedAt: string,
  rules?: HandoffRules,
): { created: boolean; view: HandoffView } {
  return store.transaction(() => {
    const existing = handoffView(store, request.conversationId);
    if (existing) return { created: false, view: existing };
    const createdAt = request.transcript[0]?.sentAt ?? escalatedAt;
    const conversation = store.insertConversation({
      id: request.conversationId,
      channel: request.channel,
      status: 'with_ai',
      shopper: request.shopper,
      escalation: null,
      createdAt,
      escalatedAt: null,
    });
    for (const entry of request.transcript) {
      store.insertMessage({
        conversationId: conversation.id,
        id: entry.id,
        author: entry.author,
        agent: null,
        text: entry.text,
        sentAt: entry.sentAt,
        delivery: null,
        products: [],
      });
    }
    // Handing off last makes the store push the conversation and then its whole transcript to consoles.
    const escalated = store.updateConversation(conversation.id, {
      status: 'queued',
      escalation: request.escalation,
      escalatedAt,
    });
    appendEscalatedEvent(store, escalated, escalatedAt);
    if (rules) applyHandoffRules(store, rules, escalated, Date.parse(escalatedAt));
    const view = handoffView(store, conversation.id);
    if (!view) throw new Error('handoff vanished after insert');
    return { created: true, view };
  });
}

export function appendEscalatedEvent(store: HubStore, conversation: Conversation, time: string): void {
  appendMetric(store, METRICS.conversationEscalated, conversation, time, {
    conversation_id: conversation.id,
    channel: conversation.channel,
    escalation_reason: conversation.escalation?.reason ?? 'unknown',
    procedure: conversation.escalation?.procedure ?? null,
    tags: conversation.escalation?.tags ?? [],
  });
}

export type ShopperMessageOutcome =
  | { kind: 'not_found' }
  | { kind: 'existing'; message: Message }
  /** The id belongs to someone else's message (an agent's reply or note): never echoed back to a channel. */
  | { kind: 'id_taken' }
  | { kind: 'created'; message: Message; conversation: Conversation };

/**
 * Appends a shopper message, idempotent on its id. A message on a pending, snoozed or resolved handed-off
 * conversation reopens it for the same assignee (or the queue, if nobody had it): `Handoff Reopened`.
 */
export function appendShopperMessage(
  store: HubStore,
  conversationId: string,
  message: ShopperMessageRequest,
  /** The hub's time of receipt: when a reopen happened. */
  receivedAt: string,
): ShopperMessageOutcome {
  return store.transaction(() => {
    const conversation = store.getConversation(conversationId);
    if (!conversation) return { kind: 'not_found' };
    const existing = store.getMessage(conversationId, message.id);
    if (existing)
      return existing.author === 'shopper' ? { kind: 'existing', message: existing } : { kind: 'id_taken' };
    if (isReopenable(conversation)) reopen(store, conversation, 'shopper_message', receivedAt);
    const stored = store.insertMessage({
      conversationId,
      id: message.id,
      author: 'shopper',
      agent: null,
      text: message.text,
      sentAt: message.sentAt,
      delivery: null,
      products: [],
    });
    const updated = store.getConversation(conversationId);
    if (!updated) throw new Error('conversation vanished');
    return { kind: 'created', message: stored, conversation: updated };
  });
}

/** The channel confirms agent replies reached the shopper. Returns the messages that changed, or null if unknown. */
export function confirmDeliveries(
  store: HubStore,
  conversationId: string,
  messageIds: string[],
): Message[] | null {
  return store.transaction(() => {
    if (!store.getConversation(conversationId)) return null;
    return store.markDelivered(conversationId, messageIds);
  });
}
