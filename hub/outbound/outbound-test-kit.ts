// Environment: Node (hub tests). What forwarding and webhook tests share: a real hub with a lead and an agent
// signed in, handoffs that append outcome events, the leads' routes parsed against shared/outbound.ts, and
// moving the hub clock to a destination's next retry.
import { expect } from 'vitest';
import type { z } from 'zod';
import { apiErrorSchema } from '../../shared/handoff-api.js';
import {
  deliveriesResponseSchema,
  FORWARDING_DELIVERIES_PATH,
  FORWARDING_PATH,
  forwardingStateSchema,
  WEBHOOKS_PATH,
  type DeliveryAttempt,
} from '../../shared/outbound.js';
import { METRICS } from '../../shared/events.js';
import {
  addAccount,
  api,
  eventsOf,
  handoffRequest,
  signIn,
  type startTestHub,
  type TestHub,
} from '../testing/hub-fixture.js';

export const LEAD_EMAIL = 'lena.lead@example.com';
export const AGENT_EMAIL = 'alva.agent@example.com';

export interface OutboundHub {
  hub: TestHub;
  leadToken: string;
  agentToken: string;
  /** A GET/POST/DELETE as the lead, parsed against `schema` when given (expecting `status`). */
  asLead<S extends z.ZodType>(
    path: string,
    init?: { method?: string; body?: unknown; status?: number; schema?: S },
  ): Promise<z.infer<S>>;
  forwardingState(): Promise<z.infer<typeof forwardingStateSchema>>;
  /** A destination's delivery log, oldest first (forwarding's, or a webhook's). */
  attempts(webhookId?: string): Promise<DeliveryAttempt[]>;
  /** Hands a conversation off with nobody online: its `Handoff Missed` event's id. */
  handOff(conversationId: string): Promise<string>;
  /** Waits until the destination's log holds `count` attempts. */
  attemptsRecorded(count: number, webhookId?: string): Promise<DeliveryAttempt[]>;
  /** Moves the hub clock to the destination's next retry (which must be set) and runs it. */
  advanceToRetry(webhookId?: string): Promise<void>;
}

export async function outboundHub(
  start: typeof startTestHub,
  options: Parameters<typeof startTestHub>[0] = {},
): Promise<OutboundHub> {
  // The receivers run on 127.0.0.1: the SSRF guard's opt-in (its own tests start hubs without it).
  const hub = await start({ outboundAllowPrivate: true, ...options });
  await addAccount(hub, LEAD_EMAIL, 'Lena Lead', 'lead');
  await addAccount(hub, AGENT_EMAIL, 'Alva Agent', 'agent');
  const leadToken = (await signIn(hub.url, LEAD_EMAIL)).token;
  const agentToken = (await signIn(hub.url, AGENT_EMAIL)).token;

  const asLead: OutboundHub['asLead'] = async (path, init = {}) => {
    const response = await api(hub.url, path, { method: init.method, body: init.body, token: leadToken });
    const text = await response.text();
    expect(response.status, `${init.method ?? 'GET'} ${path}: ${text}`).toBe(init.status ?? 200);
    const json: unknown = text ? JSON.parse(text) : undefined;
    return (init.schema ? init.schema.parse(json) : json) as never;
  };

  const nextAttemptAt = async (webhookId?: string): Promise<string | null> => {
    if (webhookId === undefined) return (await outbound.forwardingState()).nextAttemptAt;
    const { webhooks } = (await asLead(WEBHOOKS_PATH)) as {
      webhooks: { id: string; nextAttemptAt: string | null }[];
    };
    return webhooks.find((webhook) => webhook.id === webhookId)?.nextAttemptAt ?? null;
  };

  const outbound: OutboundHub = {
    hub,
    leadToken,
    agentToken,
    asLead,
    forwardingState: () => asLead(FORWARDING_PATH, { schema: forwardingStateSchema }),
    async attempts(webhookId) {
      const path =
        webhookId === undefined ? FORWARDING_DELIVERIES_PATH : `${WEBHOOKS_PATH}/${webhookId}/deliveries`;
      const page = await asLead(`${path}?limit=500`, { schema: deliveriesResponseSchema });
      return page.deliveries.reverse();
    },
    async handOff(conversationId) {
      const response = await api(hub.url, '/api/v1/handoffs', { body: handoffRequest(conversationId) });
      expect(response.status).toBe(201);
      const missed = (await eventsOf(hub.url, conversationId)).filter(
        (event) => event.metric === METRICS.handoffMissed,
      );
      expect(missed).toHaveLength(1);
      return missed[0]!.id;
    },
    async attemptsRecorded(count, webhookId) {
      let attempts: DeliveryAttempt[] = [];
      await expect
        .poll(async () => (attempts = await outbound.attempts(webhookId)).length, { timeout: 5000 })
        .toBe(count);
      return attempts;
    },
    async advanceToRetry(webhookId) {
      const at = await nextAttemptAt(webhookId);
      if (at === null) throw new Error('no retry is due');
      hub.advance(Date.parse(at) - hub.now());
    },
  };
  return outbound;
}

/** The error body of a refused request. */
export async function errorOf(response: Response) {
  return apiErrorSchema.parse(await response.json());
}
