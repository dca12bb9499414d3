// Environment: any. The hub's HTTP API: request and response bodies.
import { z } from 'zod';
import {
  accountSchema,
  channelSchema,
  clientIdSchema,
  conversationSchema,
  escalationSchema,
  isoDateTimeSchema,
  messageSchema,
  messageTextSchema,
  shopperSchema,
} from './domain.js';
import { streamEventSchema } from './events.js';

export const API_PREFIX = '/api/v1';
/** Bodies larger than this are refused with 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

export const transcriptEntrySchema = z.strictObject({
  id: clientIdSchema,
  author: z.enum(['shopper', 'customer_agent', 'system']),
  text: messageTextSchema,
  sentAt: isoDateTimeSchema,
});

/** POST /api/v1/handoffs */
export const createHandoffRequestSchema = z.strictObject({
  conversationId: clientIdSchema,
  channel: channelSchema,
  shopper: shopperSchema,
  escalation: escalationSchema,
  transcript: z.array(transcriptEntrySchema).max(5000),
});
export type CreateHandoffRequest = z.infer<typeof createHandoffRequestSchema>;

// DELETE /api/v1/handoffs/:conversationId — the shop's data-erasure request (no body). 204 when erased; 404
// naming the id when the hub has no such conversation; 401 without a valid integration token. Removes the
// conversation, its messages, its chat session and its history in the consoles' log in one transaction;
// consoles receive a `deleted` change (shared/desk-protocol.ts) and drop their copy. Afterwards GET and
// shopper messages for it answer 404, and console commands on it are refused `not_found`. The event stream
// (GET /events) keeps its events for now.

/** POST /api/v1/handoffs/:conversationId/messages — a new shopper message from the channel. */
export const shopperMessageRequestSchema = z.strictObject({
  id: clientIdSchema,
  text: messageTextSchema,
  sentAt: isoDateTimeSchema,
});
export type ShopperMessageRequest = z.infer<typeof shopperMessageRequestSchema>;

/** POST /api/v1/handoffs/:conversationId/deliveries — the channel confirms agent replies reached the shopper. */
export const deliveryReceiptRequestSchema = z.strictObject({
  messageIds: z.array(clientIdSchema).min(1).max(1000),
});

/** Response of POST /handoffs (201 new, 200 existing) and GET /handoffs/:conversationId. */
export const handoffViewSchema = conversationSchema.extend({
  conversationId: z.string(),
  /** The whole transcript in order, including the human agents' public replies. */
  transcript: z.array(messageSchema),
});
export type HandoffView = z.infer<typeof handoffViewSchema>;

/** Response of POST /handoffs/:conversationId/messages (201 new, 200 repeated id). */
export const messageViewSchema = messageSchema;

/** GET /api/v1/events?conversationId=…&after=…&limit=… */
export const eventsQuerySchema = z.strictObject({
  conversationId: z.string().min(1).max(200).optional(),
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const eventsResponseSchema = z.object({ events: z.array(streamEventSchema) });

/**
 * POST /api/v1/sessions — the console signs in. Refusals: 401 bad_credentials (wrong email or password, alike),
 * 403 account_disabled (the right password of an account a lead disabled), 429 too_many_sign_in_attempts with
 * Retry-After (seconds) after 10 failures for the account or 50 from the address in 15 minutes.
 */
export const signInRequestSchema = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(1).max(1000),
});
export const signInResponseSchema = z.object({
  token: z.string(),
  expiresAt: isoDateTimeSchema,
  account: accountSchema,
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;
// DELETE /api/v1/sessions with `Authorization: Bearer <session token>` signs out (204).

/**
 * Every 4xx/5xx body. `issues` names each bad field for a 400. Any route may answer 429 rate_limited (with
 * Retry-After) when an address sends more than the hub's request limit (default 6,000 a minute).
 */
export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
