// Environment: Node (hub). Appending to the event stream: every event is checked against its metric's
// property schema (shared/events.ts) before it is written.
import { randomUUID } from 'node:crypto';
import type { Conversation } from '../../shared/domain.js';
import { metricPropertiesSchemas, type MetricName, type MetricProperties } from '../../shared/events.js';
import type { HubStore } from '../store/hub-store.js';

export function appendMetric<M extends MetricName>(
  store: HubStore,
  metric: M,
  conversation: Pick<Conversation, 'id' | 'shopper'>,
  time: string,
  properties: MetricProperties<M>,
): void {
  const checked = metricPropertiesSchemas[metric].parse(properties);
  store.appendEvent({
    id: randomUUID(),
    metric,
    time,
    profile: { email: conversation.shopper.email ?? null, profileId: conversation.shopper.profileId ?? null },
    conversationId: conversation.id,
    properties: checked,
  });
}
