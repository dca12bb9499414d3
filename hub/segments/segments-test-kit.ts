// Environment: Node (hub tests). Scripting event histories through the hub's real POST /api/events and reading
// segments back through the leads' real HTTP routes.
import { expect } from 'vitest';
import { z } from 'zod';
import { METRICS } from '../../shared/events.js';
import { segmentMembersPageSchema, segmentSchema, SEGMENTS_PATH } from '../../shared/segments.js';
import { eventBody, klaviyoFetch } from '../klaviyo/events-api-test-kit.js';
import { api, type TestHub } from '../testing/hub-fixture.js';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const PLACED_ORDER = 'Placed Order';

/** Properties the hub's own metrics require (POST /api/events keeps their schemas). */
const HUB_PROPERTIES: Record<string, Record<string, unknown>> = {
  [METRICS.receivedProductRecommendation]: {
    conversation_id: 'c-script',
    channel: 'web_chat',
    products: ['SKU-1'],
  },
  [METRICS.conversationEscalated]: {
    conversation_id: 'c-script',
    channel: 'web_chat',
    escalation_reason: 'knowledge_gap',
    procedure: null,
    tags: [],
  },
  [METRICS.conversationResolved]: {
    conversation_id: 'c-script',
    channel: 'web_chat',
    procedure: null,
    tags: [],
    resolution_seconds: 60,
  },
};

export interface ScriptedEvent {
  metric: string;
  email: string;
  /** Default: the hub clock's now. */
  time?: number;
  properties?: Record<string, unknown>;
}

/** POSTs one event (202) and returns once the hub has committed it. */
export async function postEvent(hub: TestHub, key: string, event: ScriptedEvent): Promise<void> {
  const response = await klaviyoFetch(hub.url, '/api/events', key, {
    body: eventBody({
      metric: event.metric,
      profile: { email: event.email },
      properties: { ...HUB_PROPERTIES[event.metric], ...event.properties },
      ...(event.time !== undefined ? { time: new Date(event.time).toISOString() } : {}),
    }),
  });
  if (response.status !== 202)
    throw new Error(`POST /api/events: ${response.status} ${await response.text()}`);
}

const segmentsListSchema = z.object({ segments: z.array(segmentSchema) });

export async function listSegments(hub: TestHub, token: string) {
  const response = await api(hub.url, SEGMENTS_PATH, { token });
  expect(response.status).toBe(200);
  return segmentsListSchema.parse(await response.json()).segments;
}

export async function createSegment(hub: TestHub, token: string, definition: unknown) {
  const response = await api(hub.url, SEGMENTS_PATH, { token, body: definition });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST ${SEGMENTS_PATH}: ${response.status} ${text}`);
  return segmentSchema.parse(JSON.parse(text));
}

/** Every member's email, following `next` to the end (bounded). */
export async function memberEmails(hub: TestHub, token: string, segmentId: string, pageSize = 100) {
  const emails: (string | null)[] = [];
  let next: string | null = `${hub.url}${SEGMENTS_PATH}/${segmentId}/profiles?page[size]=${pageSize}`;
  for (let pages = 0; next !== null; pages += 1) {
    if (pages >= 50) throw new Error('more than 50 pages');
    const response = await fetch(next, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const page: z.infer<typeof segmentMembersPageSchema> = segmentMembersPageSchema.parse(
      await response.json(),
    );
    emails.push(...page.members.map((member) => member.email));
    next = page.next;
  }
  return emails.sort();
}
