// Environment: any. Out of the hub: forwarding outcome events to a Klaviyo-compatible endpoint and signed
// webhooks (the Standard Webhooks scheme, https://www.standardwebhooks.com). The routes below take a lead's
// console session token (`Authorization: Bearer <token>`): 401 without one, 403 for an agent. Every error body
// is shared/handoff-api.ts's apiErrorSchema; a 400 names each bad field in `issues`.
import { z } from 'zod';
import { isoDateTimeSchema } from './domain.js';
import { METRICS, streamEventSchema } from './events.js';

export const FORWARDING_PATH = '/api/v1/forwarding';
export const FORWARDING_DELIVERIES_PATH = '/api/v1/forwarding/deliveries';
export const WEBHOOKS_PATH = '/api/v1/webhooks';

/** The humans' outcome events: what forwarding sends when HUB_FORWARD_METRICS is not set. */
export const DEFAULT_FORWARDED_METRICS: readonly string[] = Object.values(METRICS).filter((name) =>
  name.startsWith('Handoff '),
);

/** The Klaviyo API revision forwarding sends in its `revision` header. */
export const KLAVIYO_REVISION = '2024-10-15';

export const MAX_WEBHOOKS = 50;
export const MAX_METRICS_PER_DESTINATION = 50;
/** A receiver rejects a webhook whose timestamp is further than this from its clock (replay protection). */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export const metricNameSchema = z.string().trim().min(1).max(128);
export const metricListSchema = z
  .array(metricNameSchema)
  .min(1)
  .max(MAX_METRICS_PER_DESTINATION)
  .refine((names) => new Set(names).size === names.length, 'each metric once');

/** Only http(s): any other scheme (file:, ftp:, javascript:) is refused. */
export const outboundUrlSchema = z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2048);

/** How the hub is told to forward (HubOptions.forwarding; HUB_FORWARD_URL, HUB_FORWARD_KEY, HUB_FORWARD_METRICS). */
export const forwardingConfigSchema = z.strictObject({
  /** The Klaviyo-compatible base URL (https://a.klaviyo.com in production); events go to `<url>/api/events`. */
  url: outboundUrlSchema,
  /** A private API key, sent as `Authorization: Klaviyo-API-Key <key>`. */
  key: z.string().trim().min(1, 'required (a private API key)').max(512),
  metrics: metricListSchema.default([...DEFAULT_FORWARDED_METRICS]),
});
export type ForwardingConfig = z.infer<typeof forwardingConfigSchema>;

/** The last failed attempt of a destination (kept after later successes, with its time). */
export const outboundErrorSchema = z.object({
  at: isoDateTimeSchema,
  eventId: z.string(),
  /** The receiver's HTTP status; null when no answer came (connection refused or dropped, timeout). */
  status: z.number().int().nullable(),
  message: z.string(),
});
export type OutboundError = z.infer<typeof outboundErrorSchema>;

/** An event a destination gave up on (a 4xx other than 408/429): recorded and skipped, never retried. */
export const failedEventSchema = z.object({
  eventId: z.string(),
  position: z.number().int().positive(),
  metric: z.string(),
  status: z.number().int().nullable(),
  error: z.string(),
  failedAt: isoDateTimeSchema,
});
export type FailedEvent = z.infer<typeof failedEventSchema>;

/** GET /api/v1/forwarding */
export const forwardingStateSchema = z.object({
  enabled: z.boolean(),
  /** The base URL (never the key); null when forwarding is not configured. */
  url: z.string().nullable(),
  metrics: z.array(z.string()),
  /** Events of these metrics after the cursor: waiting to be forwarded. */
  lagEvents: z.number().int().nonnegative(),
  lastDeliveredAt: isoDateTimeSchema.nullable(),
  lastError: outboundErrorSchema.nullable(),
  /** When the next retry is due (hub clock); null when nothing waits on a retry. */
  nextAttemptAt: isoDateTimeSchema.nullable(),
  /** The latest permanent failures, newest first (at most 100). */
  failedEvents: z.array(failedEventSchema),
  failedEventCount: z.number().int().nonnegative(),
});
export type ForwardingState = z.infer<typeof forwardingStateSchema>;

/** POST /api/v1/webhooks */
export const createWebhookRequestSchema = z.strictObject({
  url: outboundUrlSchema,
  /** The metrics (event names) this subscription receives. */
  metrics: metricListSchema,
});
export type CreateWebhookRequest = z.infer<typeof createWebhookRequestSchema>;

export const webhookIdSchema = z.string().regex(/^wh_[A-Za-z0-9_-]{1,64}$/, 'a webhook id (wh_…)');

/** One subscription as GET /api/v1/webhooks lists it: never its secret. */
export const webhookSchema = z.object({
  id: webhookIdSchema,
  url: z.string(),
  metrics: z.array(z.string()),
  createdAt: isoDateTimeSchema,
  lagEvents: z.number().int().nonnegative(),
  lastDeliveredAt: isoDateTimeSchema.nullable(),
  lastError: outboundErrorSchema.nullable(),
  nextAttemptAt: isoDateTimeSchema.nullable(),
  failedEventCount: z.number().int().nonnegative(),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** 201 from POST /api/v1/webhooks: the only time the secret is shown. */
export const createdWebhookSchema = webhookSchema.extend({
  /** `whsec_` + base64 of 32 random bytes: the HMAC key the receiver verifies with (verifyWebhook). */
  secret: z.string().startsWith('whsec_'),
});
export type CreatedWebhook = z.infer<typeof createdWebhookSchema>;

export const webhooksResponseSchema = z.object({ webhooks: z.array(webhookSchema) });
// DELETE /api/v1/webhooks/:id → 204; 404 naming the id when there is no such subscription.

/** One attempt to deliver one event (GET /api/v1/webhooks/:id/deliveries, GET /api/v1/forwarding/deliveries). */
export const deliveryAttemptSchema = z.object({
  eventId: z.string(),
  position: z.number().int().positive(),
  /** 1 for the first try of this event, then 2, 3, … */
  attempt: z.number().int().positive(),
  /** null: no HTTP answer (refused, dropped, timed out). */
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  /** delivered; retrying: a later attempt follows; failed: given up on (permanent 4xx). */
  outcome: z.enum(['delivered', 'retrying', 'failed']),
  /** When the attempt started (hub clock). */
  at: isoDateTimeSchema,
  durationMs: z.number().int().nonnegative(),
});
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;

/** Query of the delivery logs: newest first; `before` pages back (the `nextBefore` of the previous page). */
export const deliveriesQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});
export const deliveriesResponseSchema = z.object({
  deliveries: z.array(deliveryAttemptSchema),
  /** Pass as `before` for older attempts; null on the last page. */
  nextBefore: z.number().int().positive().nullable(),
});
export type DeliveriesResponse = z.infer<typeof deliveriesResponseSchema>;

/** The body of every webhook delivery. `id` is the event's id, also sent as the `webhook-id` header. */
export const webhookPayloadSchema = z.object({
  id: z.string(),
  /** The metric (event name), e.g. "Handoff Resolved". */
  type: z.string(),
  /** When the event happened. */
  createdAt: isoDateTimeSchema,
  data: streamEventSchema,
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

// ---------------------------------------------------------------------------------------------------------
// Signing and verifying (Standard Webhooks, symmetric v1): base64 HMAC-SHA256 over "<id>.<timestamp>.<body>"
// with the secret's base64-decoded bytes as the key. Web Crypto, so that it runs in Node and in browsers.

function base64Decode(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function base64Encode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  const raw = base64Decode(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
  if (raw.length === 0) throw new Error('A webhook secret cannot be empty.');
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** The `webhook-signature` header value (`v1,<base64>`) for a delivery. `timestamp` is in Unix seconds. */
export async function signWebhook(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
): Promise<string> {
  const key = await hmacKey(secret);
  const signed = await crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(`${id}.${timestamp}.${body}`),
  );
  return `v1,${base64Encode(new Uint8Array(signed))}`;
}

/** Constant-time comparison of two strings (no early exit on the first difference). */
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    difference |= (a.charCodeAt(index) || 0) ^ (b.charCodeAt(index) || 0);
  }
  return difference === 0;
}

export type WebhookVerification =
  | { ok: true; payload: WebhookPayload }
  | {
      ok: false;
      reason: 'missing_headers' | 'bad_timestamp' | 'too_old' | 'too_new' | 'bad_signature' | 'bad_payload';
      message: string;
    };

/**
 * What a receiver does with a delivery: checks the headers, that the timestamp is within 5 minutes of `now`
 * (epoch ms, default the receiver's clock), the signature over the raw body exactly as received (never
 * re-serialised JSON), and the payload's shape. Dedupe by `payload.id` (= the `webhook-id` header).
 */
export async function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined> | Headers,
  rawBody: string,
  options: { now?: number; toleranceSeconds?: number } = {},
): Promise<WebhookVerification> {
  const header = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
    return Array.isArray(entry) ? entry[0] : entry;
  };
  const id = header('webhook-id');
  const timestampText = header('webhook-timestamp');
  const signatures = header('webhook-signature');
  if (!id || !timestampText || !signatures) {
    return {
      ok: false,
      reason: 'missing_headers',
      message: 'webhook-id, webhook-timestamp and webhook-signature are required.',
    };
  }
  if (!/^\d{1,12}$/.test(timestampText)) {
    return {
      ok: false,
      reason: 'bad_timestamp',
      message: `webhook-timestamp "${timestampText}" is not Unix seconds.`,
    };
  }
  const timestamp = Number(timestampText);
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  const tolerance = options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  if (nowSeconds - timestamp > tolerance) {
    return {
      ok: false,
      reason: 'too_old',
      message: `The timestamp is more than ${tolerance} s old: a replay?`,
    };
  }
  if (timestamp - nowSeconds > tolerance) {
    return {
      ok: false,
      reason: 'too_new',
      message: `The timestamp is more than ${tolerance} s in the future.`,
    };
  }
  const expected = await signWebhook(secret, id, timestamp, rawBody);
  // The header may carry several signatures (secret rotation): one matching v1 is enough.
  const matches = signatures
    .split(' ')
    .filter((candidate) => candidate.startsWith('v1,'))
    .some((candidate) => sameText(candidate, expected));
  if (!matches) return { ok: false, reason: 'bad_signature', message: 'No signature matches this body.' };
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'bad_payload', message: 'The body is not JSON.' };
  }
  const payload = webhookPayloadSchema.safeParse(json);
  if (!payload.success) return { ok: false, reason: 'bad_payload', message: payload.error.message };
  if (payload.data.id !== id) {
    return { ok: false, reason: 'bad_payload', message: 'The body’s id is not the webhook-id header.' };
  }
  return { ok: true, payload: payload.data };
}
