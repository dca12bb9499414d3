// Environment: Node (hub). How many conversations waited unclaimed at the end of each past hour, worked back
// from the queue now: every queue-relevant event after a moment is undone. An erased conversation leaves the
// queue without an event, so hours before its erasure show one fewer than they had.
import { METRICS } from '../../shared/events.js';
import type { QueueMovement } from '../store/monitor-queries.js';
import { HOUR_MS } from './team-day.js';

/** Whether a conversation was in the queue right after this event. */
function leftInQueue(metric: string, properties: Record<string, unknown>): boolean {
  if (metric === METRICS.conversationEscalated) return true;
  if (metric === METRICS.handoffTransferred) return properties.to_agent_id === null;
  if (metric === METRICS.handoffReopened) return properties.agent_id === null;
  return false;
}

/** +1 when the event put a conversation into the queue, −1 when it took one out, else 0. */
export function queueDelta(movement: QueueMovement): number {
  const { metric, properties } = movement;
  switch (metric) {
    case METRICS.conversationEscalated:
      return 1;
    case METRICS.handoffAccepted:
      return -1;
    case METRICS.handoffTransferred:
      // From the queue (nobody had it) and/or back to it.
      return (properties.from_agent_id === null ? -1 : 0) + (properties.to_agent_id === null ? 1 : 0);
    case METRICS.handoffReopened:
      return properties.agent_id === null ? 1 : 0;
    case METRICS.handoffResolved:
      // A lead may resolve a conversation straight from the queue.
      return movement.previous && leftInQueue(movement.previous.metric, movement.previous.properties)
        ? -1
        : 0;
    default:
      return 0;
  }
}

/**
 * The queue's length at the end of each hour starting at `hourStarts` (the hour still running: now). Movements
 * must cover every event since the first hour's end.
 */
export function waitingAtHourEnds(
  waitingNow: number,
  movements: readonly QueueMovement[],
  hourStarts: readonly number[],
  nowMs: number,
): number[] {
  const deltas = movements
    .map((movement) => ({ atMs: Date.parse(movement.time), delta: queueDelta(movement) }))
    .filter((movement) => movement.delta !== 0);
  return hourStarts.map((hourStart) => {
    const end = hourStart + HOUR_MS;
    if (end > nowMs) return waitingNow;
    const since = deltas.reduce((sum, movement) => (movement.atMs >= end ? sum + movement.delta : sum), 0);
    return Math.max(0, waitingNow - since);
  });
}
