// Environment: Node (hub). The seed's handoff rules: outside office hours, or with nobody online, the
// shopper gets the configured auto-response at once in their channel, a `Handoff Missed` event records
// why, and the conversation still waits in the queue.
import { randomUUID } from 'node:crypto';
import type { Conversation } from '../../shared/domain.js';
import { METRICS, type MetricProperties } from '../../shared/events.js';
import type { HubSettings } from '../../shared/settings.js';
import type { HubStore } from '../store/hub-store.js';
import { isoAt } from './clock.js';
import { appendMetric } from './events.js';
import { isWithinOfficeHours } from './office-hours.js';

export interface HandoffRules {
  settings(): HubSettings;
  /** Someone is online now (away and offline agents do not count). */
  anyAgentOnline(): boolean;
}

export type MissedReason = MetricProperties<typeof METRICS.handoffMissed>['reason'];

export function missedReason(rules: HandoffRules, atMs: number): MissedReason | null {
  if (!isWithinOfficeHours(rules.settings().officeHours, atMs)) return 'outside_office_hours';
  if (!rules.anyAgentOnline()) return 'no_agent_online';
  return null;
}

/** Call inside the handoff's transaction, right after the conversation was handed off. */
export function applyHandoffRules(
  store: HubStore,
  rules: HandoffRules,
  conversation: Conversation,
  atMs: number,
): MissedReason | null {
  const reason = missedReason(rules, atMs);
  if (!reason) return null;
  const at = isoAt(atMs);
  // A system message: pushed live to the web chat widget, and in the transcript API channels read.
  store.insertMessage({
    conversationId: conversation.id,
    id: `auto-response-${randomUUID()}`,
    author: 'system',
    agent: null,
    text: rules.settings().autoResponseMessage,
    sentAt: at,
    delivery: null,
    products: [],
  });
  appendMetric(store, METRICS.handoffMissed, conversation, at, {
    conversation_id: conversation.id,
    channel: conversation.channel,
    reason,
  });
  return reason;
}
