// Environment: Node (hub). The monitor's SLA section: the conversations near or past their first-response
// target (slaStandingOf, the rule the console applies too), and when the next one crosses a threshold.
import type { Conversation } from '../../shared/domain.js';
import { slaStandingOf, type MonitorSnapshot, type SlaConversation } from '../../shared/monitor.js';
import type { HubSettings } from '../../shared/settings.js';
import { isoAt } from '../core/clock.js';

/** What the console shows for a shopper: name, else email, else phone. */
export function shopperLabel(conversation: Pick<Conversation, 'id' | 'shopper'>): string {
  const { shopper } = conversation;
  return shopper.name ?? shopper.email ?? shopper.phone ?? shopper.profileId ?? conversation.id;
}

export interface SlaSection {
  sla: MonitorSnapshot['sla'];
  /** The next moment a conversation turns near or breached (null when none will). */
  nextCrossingMs: number | null;
}

/** `awaiting`: the conversations handed off, with the team and not yet answered. */
export function slaSection(
  awaiting: readonly Conversation[],
  settings: HubSettings,
  nowMs: number,
): SlaSection {
  const listed: (SlaConversation & { dueAtMs: number })[] = [];
  let nextCrossingMs: number | null = null;
  const consider = (atMs: number | null) => {
    if (atMs !== null && atMs > nowMs && (nextCrossingMs === null || atMs < nextCrossingMs))
      nextCrossingMs = atMs;
  };
  for (const conversation of awaiting) {
    const standing = slaStandingOf(conversation, settings, nowMs);
    consider(standing.nearAtMs);
    consider(standing.dueAtMs);
    if (
      (standing.state !== 'near' && standing.state !== 'breached') ||
      standing.dueAtMs === null ||
      conversation.escalatedAt === null
    )
      continue;
    listed.push({
      conversationId: conversation.id,
      channel: conversation.channel,
      shopper: shopperLabel(conversation),
      escalatedAt: conversation.escalatedAt,
      dueAt: isoAt(standing.dueAtMs),
      state: standing.state,
      assignee: conversation.assignee,
      dueAtMs: standing.dueAtMs,
    });
  }
  // Most urgent first: the longest past its target, then the soonest due.
  listed.sort((a, b) => a.dueAtMs - b.dueAtMs || a.conversationId.localeCompare(b.conversationId));
  return {
    sla: {
      near: listed.filter((entry) => entry.state === 'near').length,
      breached: listed.filter((entry) => entry.state === 'breached').length,
      conversations: listed.map(({ dueAtMs: _dueAtMs, ...entry }) => entry),
    },
    nextCrossingMs,
  };
}
