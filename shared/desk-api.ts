// Environment: any. DeskApi: what the renderer sees of the desk core, whichever host carries it
// (Electron IPC through the preload, or the web host's local WebSocket).
import { z } from 'zod';
import { accountSchema, conversationSchema, messageSchema, messageTextSchema, tagsSchema } from './domain.js';
import { commandErrorCodeSchema, deskRequests, MAX_NOTE_LENGTH } from './desk-protocol.js';
import { authorSchema, channelSchema, conversationStatusSchema, isoDateTimeSchema } from './domain.js';
import { cannedReplySaveSchema, cannedReplySchema } from './canned-replies.js';
import { deskNotificationSchema } from './notifications.js';
import { monitorExportArgsSchema, monitorSnapshotSchema } from './monitor.js';
import { segmentDefinitionSchema, segmentIdSchema, segmentSchema } from './segments.js';
import { hubSettingsSchema, settingsPatchSchema } from './settings.js';
import {
  activityReportSchema,
  chosenPresenceSchema,
  conversationActivitySchema,
  rosterSchema,
} from './team.js';

/** A message as the console holds it: the hub's states plus `pending` (in the outbox) and `failed`. */
export const deskDeliverySchema = z.enum(['pending', 'sent', 'delivered', 'failed']);
export type DeskDelivery = z.infer<typeof deskDeliverySchema>;
export const deskMessageSchema = messageSchema.extend({ delivery: deskDeliverySchema.nullable() });
export type DeskMessage = z.infer<typeof deskMessageSchema>;

export const connectionStatusSchema = z.enum([
  'signed_out',
  'connecting', // first connection after sign-in or start
  'online', // connected and caught up with the hub's log
  'reconnecting', // lost the hub, trying again
  // Signed in on this machine's cached data while the hub cannot be reached (the password was checked against
  // the verifier kept from the last online sign-in). Reading and searching work; actions wait in the outbox.
  // The desk core keeps trying the hub and turns live by itself (status `connecting`, then `online`).
  // Also a console started with a saved session that has not reached the hub yet (its cache is not empty).
  'offline_review',
]);
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

export const connectionStateSchema = z.object({
  status: connectionStatusSchema,
  hubUrl: z.string().nullable(),
  /** Why the last attempt failed, in words for the agent. */
  lastError: z.string().nullable(),
  /** While catching up after a (re)connect: changes applied of those the hub had when the catch-up began. */
  catchUp: z
    .object({ applied: z.number().int().nonnegative(), total: z.number().int().nonnegative() })
    .nullable()
    .default(null),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const deskSessionSchema = z.object({ account: accountSchema, hubUrl: z.string() });
export type DeskSession = z.infer<typeof deskSessionSchema>;

/** This machine's own choices, kept by the desk core (not on the hub). */
/** Keep cached conversations for this many days after their last message; null keeps everything. */
export const retentionDaysSchema = z.number().int().min(1).max(3650).nullable();
export const preferencesSchema = z.object({
  /** `system`: Swedish when the system locale is Swedish, otherwise English. */
  language: z.enum(['system', 'en', 'sv']),
  notifications: z.boolean(),
  sound: z.boolean(),
  /**
   * Resolved conversations whose last message is older are removed from this machine's cache (never one with
   * unsent work). Stored preferences from before this field read as null.
   */
  retentionDays: retentionDaysSchema.default(null),
});
export type Preferences = z.infer<typeof preferencesSchema>;
export const DEFAULT_PREFERENCES: Preferences = {
  language: 'system',
  notifications: true,
  sound: false,
  retentionDays: null,
};
/** A change to some preferences (no defaults: a missing field keeps its stored value). */
export const preferencesPatchSchema = z.strictObject({
  language: preferencesSchema.shape.language.optional(),
  notifications: z.boolean().optional(),
  sound: z.boolean().optional(),
  retentionDays: retentionDaysSchema.optional(),
});

/** What this machine's cache holds (Settings → This computer). */
export const cacheInfoSchema = z.object({
  /** The cache's files on disk (database, write-ahead log), in bytes. */
  bytes: z.number().int().nonnegative(),
  conversations: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  oldestMessageAt: isoDateTimeSchema.nullable(),
  /** Actions in the outbox not yet acknowledged by the hub. */
  unsent: z.number().int().nonnegative(),
  /** The account whose data it holds (the one that may sign in offline), if any. */
  ownerEmail: z.string().nullable(),
});
export type CacheInfo = z.infer<typeof cacheInfoSchema>;

export const deskErrorSchema = z.object({
  code: z.union([
    commandErrorCodeSchema,
    // timeout: a live call got no answer from the hub in time (it may or may not have been applied).
    z.enum([
      'offline',
      'bad_credentials',
      'hub_unreachable',
      'not_signed_in',
      'timeout',
      // Another account's replies or actions still wait in this machine's outbox: signing in as someone else
      // would throw them away, so it is refused until that account has sent them.
      'unsent_work',
    ]),
  ]),
  message: z.string(),
});
export type DeskError = z.infer<typeof deskErrorSchema>;

/** The outcome of an action. `pending`: written to the outbox, not yet acknowledged by the hub. */
export const actionResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), pending: z.boolean() }),
  z.object({ ok: z.literal(false), error: deskErrorSchema }),
]);
export type ActionResult = z.infer<typeof actionResultSchema>;

/** An outbox command the hub refused: kept, with the text the agent wrote, until the agent dismisses it. */
export const commandTypeSchema = z.enum([
  'claim',
  'reply',
  'resolve',
  'transfer',
  'set_status',
  'note',
  'set_tags',
]);
export const failedActionSchema = z.object({
  commandId: z.string(),
  conversationId: z.string(),
  commandType: commandTypeSchema,
  /** What the agent wrote (a reply, a note, a transfer note), so that nothing typed is lost. */
  text: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  /** Why the hub refused it, in the hub's words (e.g. "Only Anna, who has this conversation, …"). */
  error: deskErrorSchema,
});
export type FailedAction = z.infer<typeof failedActionSchema>;

export const deskSnapshotSchema = z.object({
  session: deskSessionSchema.nullable(),
  connection: connectionStateSchema,
  /** Every handed-off conversation the console knows (never `with_ai` ones). */
  conversations: z.array(conversationSchema),
  /** The hub URL to prefill on the sign-in screen. */
  defaultHubUrl: z.string(),
  /** The team as last pushed by the hub (empty before the first connection). */
  roster: rosterSchema.default([]),
  settings: hubSettingsSchema.nullable().default(null),
  cannedReplies: z.array(cannedReplySchema).default([]),
  activity: z.array(conversationActivitySchema).default([]),
  /** Unread shopper messages per conversation assigned to me (and mentions), cleared by markRead. */
  unread: z.record(z.string(), z.number().int().nonnegative()).default({}),
  preferences: preferencesSchema.default(DEFAULT_PREFERENCES),
  /** The lead's monitor as last pushed by the hub while connected (null offline, and always for agents). */
  monitor: monitorSnapshotSchema.nullable().default(null),
  /** Refused outbox actions not yet dismissed, oldest first. */
  failedActions: z.array(failedActionSchema).default([]),
});
export type DeskSnapshot = z.infer<typeof deskSnapshotSchema>;

export const searchArgsSchema = z.strictObject({
  /** Words as typed; every word must match (prefix match on the last one, so results follow typing). */
  query: z.string().trim().min(1).max(200),
  channel: channelSchema.optional(),
  status: conversationStatusSchema.optional(),
  /** A team tag or an AI tag. */
  tag: z.string().trim().min(1).max(100).optional(),
  /** The assignee's account id. */
  agentId: z.string().min(1).max(200).optional(),
  /** Messages sent at or after / before these times. */
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type SearchArgs = z.input<typeof searchArgsSchema>;

/** A piece of a snippet: the renderer shows `match` pieces highlighted, every piece as text (never HTML). */
export const snippetPartSchema = z.object({ text: z.string(), match: z.boolean() });

export const searchHitSchema = z.object({
  conversationId: z.string(),
  messageId: z.string(),
  author: authorSchema,
  internal: z.boolean(),
  sentAt: isoDateTimeSchema,
  /** The shopper's name, else email, else phone: who the conversation is with. */
  shopper: z.string(),
  channel: channelSchema,
  status: conversationStatusSchema,
  snippet: z.array(snippetPartSchema),
});
export type SearchHit = z.infer<typeof searchHitSchema>;
export const searchResultSchema = z.object({
  hits: z.array(searchHitSchema),
  /** True when there were more than `limit` matches. */
  more: z.boolean(),
});

/** Calls that need the hub now: offline they fail with `offline` instead of waiting in the outbox. */
function liveResult<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: deskErrorSchema }),
  ]);
}

const conversationIdArgs = z.strictObject({ conversationId: z.string().min(1).max(200) });

/** Every DeskApi call: its arguments and its result, parsed on both sides. */
export const deskCalls = {
  getSnapshot: { args: z.strictObject({}), result: deskSnapshotSchema },
  signIn: {
    args: z.strictObject({
      hubUrl: z.url({ protocol: /^https?$/ }),
      email: z.email().max(320),
      password: z.string().min(1).max(1000),
    }),
    // With the hub unreachable, the account that last signed in on this machine (same hub, right password)
    // gets `offline: true`: the console opens in offline review (connection status `offline_review`).
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), session: deskSessionSchema, offline: z.boolean().default(false) }),
      z.object({ ok: z.literal(false), error: deskErrorSchema }),
    ]),
  },
  /**
   * `removeCache`: also delete this computer's cached conversations (the cache files and their key; the machine's
   * preferences stay). Refused with `unsent_work` while the outbox holds unsent actions, unless `discardUnsent`;
   * then nothing is done, the agent stays signed in.
   */
  signOut: {
    args: z.strictObject({
      removeCache: z.boolean().default(false),
      discardUnsent: z.boolean().default(false),
    }),
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), error: deskErrorSchema }),
    ]),
  },
  openConversation: {
    args: conversationIdArgs,
    result: z.object({ conversation: conversationSchema.nullable(), messages: z.array(deskMessageSchema) }),
  },
  claim: { args: conversationIdArgs, result: actionResultSchema },
  reply: { args: conversationIdArgs.extend({ text: messageTextSchema }), result: actionResultSchema },
  resolve: { args: conversationIdArgs.extend({ tags: tagsSchema.default([]) }), result: actionResultSchema },
  transfer: {
    args: conversationIdArgs.extend({
      toAgentId: z.string().min(1).nullable(),
      note: z.string().trim().min(1).max(MAX_NOTE_LENGTH).optional(),
    }),
    result: actionResultSchema,
  },
  setStatus: {
    args: conversationIdArgs.extend({
      status: z.enum(['open', 'pending', 'snoozed']),
      snoozedUntil: isoDateTimeSchema.optional(),
    }),
    result: actionResultSchema,
  },
  addNote: {
    args: conversationIdArgs.extend({
      text: z.string().trim().min(1).max(MAX_NOTE_LENGTH),
      mentions: z.array(z.string().min(1)).max(50).default([]),
    }),
    result: actionResultSchema,
  },
  setTags: { args: conversationIdArgs.extend({ tags: tagsSchema }), result: actionResultSchema },
  /** What is on screen and being typed; the desk core forwards it to the hub (live only, never queued). */
  reportActivity: { args: activityReportSchema, result: z.object({ ok: z.literal(true) }) },
  /** The renderer saw no input for the hub's awayAfterIdleMinutes, or input again. */
  setIdle: { args: z.strictObject({ idle: z.boolean() }), result: z.object({ ok: z.literal(true) }) },
  setPresence: { args: z.strictObject({ presence: chosenPresenceSchema }), result: liveResult(z.object({})) },
  updateSettings: {
    args: z.strictObject({ patch: settingsPatchSchema }),
    result: liveResult(hubSettingsSchema),
  },
  listAudit: { args: z.strictObject({}), result: liveResult(deskRequests['audit:list'].value) },
  /** Live from the hub when connected, else the last copy cached for this conversation (`cached: true`). */
  shopperHistory: {
    args: conversationIdArgs,
    result: liveResult(deskRequests['shopper:history'].value.extend({ cached: z.boolean() })),
  },
  saveCannedReply: { args: cannedReplySaveSchema, result: liveResult(cannedReplySchema) },
  deleteCannedReply: {
    args: z.strictObject({ id: z.string().min(1).max(200) }),
    result: liveResult(z.object({})),
  },
  /** The agent has seen this conversation: its unread count goes to 0. */
  markRead: { args: conversationIdArgs, result: z.object({ ok: z.literal(true) }) },
  setPreferences: { args: preferencesPatchSchema, result: preferencesSchema },
  /** Full-text search over every cached transcript (works offline); newest first. */
  search: { args: searchArgsSchema, result: searchResultSchema },
  /** A conversation as a file: `text` for people (labels in `language`), `json` for programs. Works offline. */
  exportConversation: {
    args: conversationIdArgs.extend({
      format: z.enum(['text', 'json']),
      language: z.enum(['en', 'sv']).default('en'),
    }),
    result: z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        /** e.g. `conversation-2026-11-22-anna-svensson.txt`: safe on every OS. */
        fileName: z.string(),
        mimeType: z.enum(['text/plain;charset=utf-8', 'application/json']),
        content: z.string(),
      }),
      z.object({ ok: z.literal(false), error: deskErrorSchema }),
    ]),
  },
  cacheInfo: { args: z.strictObject({}), result: cacheInfoSchema },
  /**
   * For a shared computer: signs out and removes everything this machine holds for the account (conversations,
   * outbox, offline sign-in verifier, saved session); the machine's preferences stay. Refused with `unsent_work`
   * while the outbox holds unsent actions, unless `discardUnsent`.
   */
  clearCache: {
    args: z.strictObject({ discardUnsent: z.boolean().default(false) }),
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), error: deskErrorSchema }),
    ]),
  },
  /** Leads: the conversations of a period with their outcomes, as a CSV file (from the hub; live only). */
  exportConversationsCsv: {
    args: monitorExportArgsSchema,
    result: liveResult(
      z.object({ fileName: z.string(), mimeType: z.literal('text/csv;charset=utf-8'), content: z.string() }),
    ),
  },
  /** Every segment with its member count (live). */
  listSegments: { args: z.strictObject({}), result: liveResult(deskRequests['segments:list'].value) },
  /** Leads: define a segment (live). */
  createSegment: { args: segmentDefinitionSchema, result: liveResult(segmentSchema) },
  /** Leads: remove a segment a lead defined (live). */
  deleteSegment: {
    args: z.strictObject({ id: segmentIdSchema }),
    result: liveResult(z.object({})),
  },
  /** Leads: forwarding's state and the webhook subscriptions (live). */
  outboundState: { args: z.strictObject({}), result: liveResult(deskRequests['outbound:state'].value) },
  /** The agent has read (and copied or reused) a refused action: it leaves the list and the transcript. */
  dismissFailedAction: {
    args: z.strictObject({ commandId: z.string().min(1).max(200) }),
    result: z.object({ ok: z.literal(true) }),
  },
} as const;

export type DeskCallName = keyof typeof deskCalls;
export type DeskCallArgs<N extends DeskCallName> = z.input<(typeof deskCalls)[N]['args']>;
export type DeskCallResult<N extends DeskCallName> = z.infer<(typeof deskCalls)[N]['result']>;

/** Pushed from the desk core to every renderer attached to it. */
export const deskEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session'), session: deskSessionSchema.nullable() }),
  z.object({ type: z.literal('connection'), connection: connectionStateSchema }),
  z.object({ type: z.literal('conversation'), conversation: conversationSchema }),
  z.object({ type: z.literal('message'), message: deskMessageSchema }),
  /** An outbox command the hub refused after the call had returned `pending`. */
  z.object({
    type: z.literal('commandFailed'),
    conversationId: z.string(),
    commandType: commandTypeSchema,
    error: deskErrorSchema,
  }),
  /** The whole list of refused actions, after one was added or dismissed. */
  z.object({ type: z.literal('failedActions'), failedActions: z.array(failedActionSchema) }),
  /** The conversation left the cache: erased on the hub, or past the retention period. */
  z.object({ type: z.literal('conversationRemoved'), conversationId: z.string() }),
  /**
   * The cache was rebuilt (a full resync after the hub's log changed identity) or cleared: everything the
   * renderer holds is stale; it reads getSnapshot again.
   */
  z.object({ type: z.literal('reset') }),
  z.object({ type: z.literal('roster'), roster: rosterSchema }),
  /**
   * Leads: the monitor's figures, as the hub pushed them; null when the connection is lost (figures that are not
   * live are not shown: the hub pushes fresh ones on reconnect).
   */
  z.object({ type: z.literal('monitor'), monitor: monitorSnapshotSchema.nullable() }),
  z.object({ type: z.literal('settings'), settings: hubSettingsSchema }),
  z.object({ type: z.literal('activity'), activity: conversationActivitySchema }),
  z.object({ type: z.literal('cannedReplies'), cannedReplies: z.array(cannedReplySchema) }),
  z.object({ type: z.literal('unread'), unread: z.record(z.string(), z.number().int().nonnegative()) }),
  z.object({ type: z.literal('preferences'), preferences: preferencesSchema }),
  /**
   * Show a desktop notification. In Electron the main process shows it (and the renderer only plays the sound);
   * in the web host the renderer shows it with the browser's Notification API. Clicking opens the conversation.
   */
  z.object({ type: z.literal('notification'), notification: deskNotificationSchema }),
  /** The host asks the renderer to open a conversation (a notification was clicked). */
  z.object({ type: z.literal('focusConversation'), conversationId: z.string() }),
]);
export type DeskEvent = z.infer<typeof deskEventSchema>;

/** The typed API the renderer programs against. */
export type DeskApi = {
  [N in DeskCallName]: (args: DeskCallArgs<N>) => Promise<DeskCallResult<N>>;
} & {
  onEvent(listener: (event: DeskEvent) => void): () => void;
};

/** What the preload exposes as `window.deskBridge` (and the web host emulates): untyped transport only. */
export interface DeskBridge {
  call(method: string, args: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
}
export const DESK_BRIDGE_GLOBAL = 'deskBridge';
export const IPC_CHANNELS = { call: 'desk:call', event: 'desk:event' } as const;

/** Frames of the web host's local WebSocket (path `/desk-bridge`). */
export const WEB_BRIDGE_PATH = '/desk-bridge';
export const bridgeRequestSchema = z.strictObject({
  kind: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  args: z.unknown(),
});
export const bridgeResponseSchema = z.union([
  z.object({ kind: z.literal('result'), id: z.number(), ok: z.literal(true), result: z.unknown() }),
  z.object({
    kind: z.literal('result'),
    id: z.number(),
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
  z.object({ kind: z.literal('event'), event: z.unknown() }),
]);
