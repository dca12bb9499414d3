// Environment: any. The team's live state shared by hub and consoles: presence, capacity, who views and types.
import { z } from 'zod';
import { accountSchema, agentRefSchema, isoDateTimeSchema } from './domain.js';

/** offline: no console connected; away: chosen, or idle past the hub's `awayAfterIdleMinutes`. */
export const presenceSchema = z.enum(['online', 'away', 'offline']);
export type Presence = z.infer<typeof presenceSchema>;
/** What an agent can choose. A reconnect keeps the choice; only the agent changes it. */
export const chosenPresenceSchema = z.enum(['online', 'away']);
export type ChosenPresence = z.infer<typeof chosenPresenceSchema>;

export const teamMemberSchema = accountSchema.extend({
  presence: presenceSchema,
  chosenPresence: chosenPresenceSchema,
  /** Conversations assigned to them with status open or pending (what counts against capacity). */
  openCount: z.number().int().nonnegative(),
  capacity: z.number().int().positive(),
  lastSeenAt: isoDateTimeSchema.nullable(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;
/** The whole team, pushed on connect and on every change (never stale after a reconnect). */
export const rosterSchema = z.array(teamMemberSchema);
export type Roster = z.infer<typeof rosterSchema>;

/**
 * The hub forgets a typing report (agent or web chat shopper) this long after the last one: a client
 * repeats its report well within it (every few seconds) while the person keeps typing.
 */
export const TYPING_TIMEOUT_MS = 8_000;

/** What a console reports about its agent, as it happens (not logged, not queued offline). */
export const activityReportSchema = z.strictObject({
  /** The conversation on screen, or null. */
  conversationId: z.string().min(1).max(200).nullable(),
  /** What the agent is typing in that conversation: a reply (shown to the web chat shopper too), a note, or nothing. */
  typing: z.enum(['reply', 'note']).nullable(),
});
export type ActivityReport = z.infer<typeof activityReportSchema>;

/** Who else has a conversation open and who is typing in it, pushed to every console on change. */
export const conversationActivitySchema = z.object({
  conversationId: z.string(),
  viewers: z.array(z.object({ agent: agentRefSchema, typing: z.enum(['reply', 'note']).nullable() })),
  /** The web chat shopper is typing. */
  shopperTyping: z.boolean(),
});
export type ConversationActivity = z.infer<typeof conversationActivitySchema>;
