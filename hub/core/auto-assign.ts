// Environment: Node (hub). Auto-assign: the oldest waiting queued conversation goes to the online agent
// with the fewest open conversations under capacity; ties go to who has waited longest since their last
// assignment, then by id, so the outcome is deterministic.
import type { Conversation } from '../../shared/domain.js';
import { METRICS } from '../../shared/events.js';
import type { HubSettings } from '../../shared/settings.js';
import type { AgentState, HubStore } from '../store/hub-store.js';
import { isoAt, secondsBetween, type Clock } from './clock.js';
import { appendMetric } from './events.js';
import { capacityOf } from './hub-settings.js';

function byLastAssignment(a: AgentState, b: AgentState): number {
  // Never assigned counts as having waited longest.
  if (a.lastAssignedAt === b.lastAssignedAt) return 0;
  if (a.lastAssignedAt === null) return -1;
  if (b.lastAssignedAt === null) return 1;
  return a.lastAssignedAt < b.lastAssignedAt ? -1 : 1;
}

/** Assigns queued conversations while someone online has room. Returns what it assigned, in order. */
export function autoAssignQueued(
  store: HubStore,
  settings: HubSettings,
  onlineAccountIds: Set<string>,
  clock: Clock,
): Conversation[] {
  if (onlineAccountIds.size === 0) return [];
  return store.transaction(() => {
    const now = isoAt(clock());
    const openCounts = store.countOpenByAssignee();
    const openOf = (state: AgentState) => openCounts.get(state.accountId) ?? 0;
    const online = store.listAgentStates().filter((state) => onlineAccountIds.has(state.accountId));
    const assigned: Conversation[] = [];
    // Bounded: each round assigns one conversation, and capacity is finite.
    const rounds = online.reduce(
      (room, state) => room + Math.max(0, capacityOf(settings, state.accountId)),
      0,
    );
    for (let round = 0; round < rounds; round++) {
      const candidates = online.filter((state) => openOf(state) < capacityOf(settings, state.accountId));
      if (candidates.length === 0) break;
      const conversation = store.oldestQueued();
      if (!conversation) break;
      candidates.sort(
        (a, b) => openOf(a) - openOf(b) || byLastAssignment(a, b) || a.accountId.localeCompare(b.accountId),
      );
      const agent = candidates[0]!;
      if (!store.claimConversation(conversation.id, agent.accountId, now)) break;
      store.updateAgentState(agent.accountId, { lastAssignedAt: now });
      agent.lastAssignedAt = now;
      openCounts.set(agent.accountId, openOf(agent) + 1);
      const claimed = store.getConversation(conversation.id);
      if (!claimed) throw new Error('conversation vanished');
      appendMetric(store, METRICS.handoffAccepted, claimed, now, {
        conversation_id: claimed.id,
        channel: claimed.channel,
        agent_id: agent.accountId,
        wait_seconds: secondsBetween(claimed.escalatedAt ?? now, now),
        assignment: 'auto_assign',
      });
      assigned.push(claimed);
    }
    return assigned;
  });
}
