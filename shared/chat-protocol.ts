// Environment: any. The socket.io protocol between the shopper's chat widget and the hub (namespace `/chat`).
// The widget keeps {chatId, chatToken} in localStorage and sends them in `chat:hello` to resume.
import { z } from 'zod';
import {
  authorSchema,
  clientIdSchema,
  isoDateTimeSchema,
  messageTextSchema,
  productSchema,
} from './domain.js';

export const CHAT_NAMESPACE = '/chat';

export const chatMessageSchema = z.object({
  id: z.string(),
  position: z.number().int().nonnegative(),
  author: authorSchema,
  /** Shown above the bubble: the human agent's first name, "Customer Agent", … */
  authorName: z.string().nullable(),
  text: z.string(),
  sentAt: isoDateTimeSchema,
  products: z.array(productSchema).default([]),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/**
 * Messages never include internal notes. In `do_not_hand_off` mode the Customer Agent answers what it can't
 * help with by the configured message (its http(s) links shown as links) and never offers a human.
 * What the widget should offer under the transcript.
 * offer_handoff: buttons "Yes, connect me with an agent" and "No, thanks" (web chat asks before handing off);
 * ask_email: textbox "Email" (a shopper without an email must give one before the handoff).
 */
export const chatPromptSchema = z.enum(['offer_handoff', 'ask_email']).nullable();
export type ChatPrompt = z.infer<typeof chatPromptSchema>;

export const chatStateSchema = z.object({
  /** The widget shows "Waiting for an agent" while queued; pending and snoozed look like open to the shopper. */
  status: z.enum(['with_ai', 'queued', 'open', 'pending', 'snoozed', 'resolved']),
  prompt: chatPromptSchema,
});
export type ChatState = z.infer<typeof chatStateSchema>;

export const chatHelloSchema = z.strictObject({
  chatId: z.string().min(1).max(200).optional(),
  chatToken: z.string().min(1).max(200).optional(),
  /** The widget's language: the Customer Agent greets in it (and follows the shopper's own language after). */
  language: z.enum(['en', 'sv']).optional(),
  /** A signed-in storefront passes what it knows of the shopper. */
  shopper: z
    .strictObject({ email: z.email().max(320).optional(), name: z.string().min(1).max(200).optional() })
    .optional(),
});
export const chatHelloResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    chatId: z.string(),
    chatToken: z.string(),
    transcript: z.array(chatMessageSchema),
    state: chatStateSchema,
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export const chatSendSchema = z.strictObject({ id: clientIdSchema, text: messageTextSchema });
export const chatHandoffAnswerSchema = z.strictObject({ accept: z.boolean() });
export const chatEmailSchema = z.strictObject({ email: z.email().max(320) });
/** The shopper is typing (true) or stopped (false); the widget sends it at most every few seconds. */
export const chatTypingSchema = z.strictObject({ typing: z.boolean() });
/** A human agent is typing a reply (never sent for notes). */
export const agentTypingSchema = z.object({ typing: z.boolean(), name: z.string().nullable() });

export const chatDeliveredSchema = z.strictObject({ messageIds: z.array(z.string()).min(1).max(1000) });

export const chatAckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ChatAck = z.infer<typeof chatAckSchema>;
export type ChatHelloResponse = z.infer<typeof chatHelloResponseSchema>;

export interface ChatServerToClientEvents {
  /** A new or updated message (dedupe by id). */
  'chat:message': (message: ChatMessage) => void;
  'chat:state': (state: ChatState) => void;
  'chat:typing': (typing: z.infer<typeof agentTypingSchema>) => void;
}
export interface ChatClientToServerEvents {
  'chat:hello': (hello: unknown, ack: (response: ChatHelloResponse) => void) => void;
  'chat:send': (message: unknown, ack: (response: ChatAck) => void) => void;
  'chat:handoff': (answer: unknown, ack: (response: ChatAck) => void) => void;
  'chat:email': (email: unknown, ack: (response: ChatAck) => void) => void;
  /** The widget confirms it showed these agent replies (their delivery becomes `delivered`). */
  'chat:delivered': (receipt: unknown) => void;
  'chat:typing': (typing: unknown) => void;
}
