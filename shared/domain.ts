// Environment: any (no Node, no DOM). The domain records every process agrees on.
import { z } from 'zod';

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const channelSchema = z.enum(['web_chat', 'sms', 'email', 'whatsapp']);
export type Channel = z.infer<typeof channelSchema>;

/** Who wrote a message. `agent` is a human in Handoff Desk; `customer_agent` is the AI. */
export const authorSchema = z.enum(['shopper', 'customer_agent', 'system', 'agent']);
export type Author = z.infer<typeof authorSchema>;

export const roleSchema = z.enum(['agent', 'lead']);
export type Role = z.infer<typeof roleSchema>;

export const agentRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
});
export type AgentRef = z.infer<typeof agentRefSchema>;

export const accountSchema = agentRefSchema.extend({ role: roleSchema });
export type Account = z.infer<typeof accountSchema>;

export const shopperSchema = z.strictObject({
  email: z.email().max(320).optional(),
  profileId: z.string().min(1).max(200).optional(),
  name: z.string().min(1).max(200).optional(),
  phone: z.string().min(3).max(40).optional(),
});
export type Shopper = z.infer<typeof shopperSchema>;

export const tagSchema = z.string().trim().min(1).max(100);
export const tagsSchema = z.array(tagSchema).max(50);

export const escalationSchema = z.strictObject({
  reason: z.string().trim().min(1).max(500),
  procedure: z.string().trim().min(1).max(200).optional(),
  tags: tagsSchema.default([]),
});
export type Escalation = z.infer<typeof escalationSchema>;

/**
 * with_ai: the Customer Agent is still handling it (never shown in the console);
 * queued: handed off, nobody has claimed it; open: claimed by `assignee`;
 * pending: the assignee waits on the shopper; snoozed: hidden until `snoozedUntil`; resolved: done.
 * A shopper's message puts a pending, snoozed or resolved conversation back to open (queued without assignee).
 */
export const conversationStatusSchema = z.enum([
  'with_ai',
  'queued',
  'open',
  'pending',
  'snoozed',
  'resolved',
]);
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;

export const conversationSchema = z.object({
  id: z.string(),
  channel: channelSchema,
  status: conversationStatusSchema,
  shopper: shopperSchema,
  /** null while the Customer Agent still handles the conversation. */
  escalation: escalationSchema.nullable(),
  assignee: agentRefSchema.nullable(),
  createdAt: isoDateTimeSchema,
  escalatedAt: isoDateTimeSchema.nullable(),
  claimedAt: isoDateTimeSchema.nullable(),
  firstResponseAt: isoDateTimeSchema.nullable(),
  resolvedAt: isoDateTimeSchema.nullable(),
  resolutionTags: tagsSchema,
  /** Set while snoozed: when the conversation comes back on its own. */
  snoozedUntil: isoDateTimeSchema.nullable().default(null),
  /** The team's tags, editable in the console. The AI's tags stay apart in `escalation.tags`. */
  tags: tagsSchema.default([]),
  lastMessageAt: isoDateTimeSchema.nullable(),
  lastMessagePreview: z.string().nullable(),
  /** The hub log position of the latest change to this conversation. */
  version: z.number().int().nonnegative(),
});
export type Conversation = z.infer<typeof conversationSchema>;

/** The hub's own delivery states. The desk core adds `pending` (in its outbox) and `failed`. */
export const hubDeliverySchema = z.enum(['sent', 'delivered']);
export type HubDelivery = z.infer<typeof hubDeliverySchema>;

export const productSchema = z.object({
  sku: z.string(),
  name: z.string(),
  price: z.string(),
});
export type Product = z.infer<typeof productSchema>;

export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** Order within the conversation, assigned by the hub: sort by it, never by time. */
  position: z.number().int().nonnegative(),
  author: authorSchema,
  /** Set when author is `agent`. */
  agent: agentRefSchema.nullable(),
  text: z.string(),
  sentAt: isoDateTimeSchema,
  /** Set for human agents' replies only. */
  delivery: hubDeliverySchema.nullable(),
  products: z.array(productSchema).default([]),
  /** An internal note: visible to agents only, never delivered to the shopper or returned to a channel. */
  internal: z.boolean().default(false),
  /** Agent ids @mentioned in a note; each is notified. */
  mentions: z.array(z.string()).default([]),
});
export type Message = z.infer<typeof messageSchema>;

/** Upper bound for any message text, on every boundary. */
export const MAX_MESSAGE_LENGTH = 10_000;
export const messageTextSchema = z.string().trim().min(1).max(MAX_MESSAGE_LENGTH);
/** Client-generated ids (messages, commands): printable, bounded. */
export const clientIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.:@-]+$/, 'use letters, digits and . _ : @ - only');
