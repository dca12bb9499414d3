// Environment: Node (hub). Bringing a pending, snoozed or resolved conversation back: to its assignee
// (open), or to the queue when nobody has it, with a `Handoff Reopened` event.
import type { Conversation } from '../../shared/domain.js';
import { METRICS, type MetricProperties } from '../../shared/events.js';
import type { HubStore } from '../store/hub-store.js';
import { appendMetric } from './events.js';

export type ReopenTrigger = MetricProperties<typeof METRICS.handoffReopened>['trigger'];
const REOPENABLE = new Set<Conversation['status']>(['pending', 'snoozed', 'resolved']);

export function isReopenable(
  conversation: Conversation,
): conversation is Conversation & { status: 'pending' | 'snoozed' | 'resolved' } {
  return conversation.escalatedAt !== null && REOPENABLE.has(conversation.status);
}

/** Call inside a transaction, with a conversation for which isReopenable holds. */
export function reopen(
  store: HubStore,
  conversation: Conversation & { status: 'pending' | 'snoozed' | 'resolved' },
  trigger: ReopenTrigger,
  now: string,
): Conversation {
  const assigneeId = conversation.assignee?.id ?? null;
  const reopened = store.updateConversation(conversation.id, {
    status: assigneeId ? 'open' : 'queued',
    resolvedAt: null,
    snoozedUntil: null,
  });
  appendMetric(store, METRICS.handoffReopened, reopened, now, {
    conversation_id: reopened.id,
    channel: reopened.channel,
    agent_id: assigneeId,
    from_status: conversation.status,
    trigger,
  });
  return reopened;
}
