// Environment: Node (hub). A webhook delivery: the event as `{id, type, createdAt, data}`, signed per attempt
// with the subscription's secret (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature). The id
// stays the event's across retries (receivers dedupe by it); the timestamp is each attempt's own, so that a
// receiver can refuse replays of old requests.
import { randomBytes } from 'node:crypto';
import type { StreamEvent } from '../../shared/events.js';
import { signWebhook, type WebhookPayload } from '../../shared/outbound.js';
import type { SendEvent } from './delivery-queue.js';
import { postJson } from './http-post.js';
import type { OutboundPolicy } from './outbound-address-policy.js';

/** 32 random bytes, base64, with the Standard Webhooks prefix. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function newWebhookId(): string {
  return `wh_${randomBytes(12).toString('base64url')}`;
}

/** The event as the stream gives it (GET /api/v1/events), whatever else the queue read with it. */
export function webhookPayload(event: StreamEvent): WebhookPayload {
  const { id, position, metric, time, profile, properties } = event;
  return {
    id,
    type: metric,
    createdAt: time,
    data: { id, position, metric, time, profile, properties },
  };
}

export function deliverWebhook(
  subscription: { url: string; secret: string },
  policy: OutboundPolicy,
): SendEvent {
  return async (event, { at, signal }) => {
    const body = JSON.stringify(webhookPayload(event));
    const timestamp = Math.floor(at / 1000);
    return postJson(
      subscription.url,
      {
        'webhook-id': event.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': await signWebhook(subscription.secret, event.id, timestamp, body),
      },
      body,
      signal,
      policy,
    );
  };
}
