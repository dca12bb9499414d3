// Environment: browser. Merging messages into a transcript: upsert by id, order by the hub's position, and
// never move a reply's delivery state backwards (a snapshot fetched before a live "delivered" event must not
// turn it back into "sent").
import type { DeskDelivery, DeskMessage } from '../../shared/desk-api.js';

const deliveryRank: Record<DeskDelivery, number> = { pending: 0, failed: 1, sent: 2, delivered: 3 };

function newer(known: DeskMessage, incoming: DeskMessage): DeskMessage {
  if (known.delivery && incoming.delivery && deliveryRank[incoming.delivery] < deliveryRank[known.delivery]) {
    return { ...incoming, delivery: known.delivery };
  }
  return incoming;
}

/** Returns a new sorted array; `transcript` is not modified. Duplicates (same id) collapse into one. */
export function mergeMessages(
  transcript: readonly DeskMessage[],
  incoming: readonly DeskMessage[],
): DeskMessage[] {
  const byId = new Map(transcript.map((message) => [message.id, message]));
  for (const message of incoming) {
    const known = byId.get(message.id);
    byId.set(message.id, known ? newer(known, message) : message);
  }
  return [...byId.values()].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}
