// The soak's IPC between the orchestrator (soak.ts) and its worker processes (console-worker.ts,
// shopper-worker.ts). Every message is parsed on arrival, both ways, so a broken worker fails loudly.
import { z } from 'zod';

export const soakAccountSchema = z.strictObject({
  email: z.email(),
  password: z.string().min(1),
  /** The console's number: it claims the conversations of shoppers whose number ≡ it modulo `consoleCount`. */
  index: z.number().int().nonnegative(),
});
export type SoakAccount = z.infer<typeof soakAccountSchema>;

export const consoleStartSchema = z.strictObject({
  kind: z.literal('start'),
  hubUrl: z.url(),
  accounts: z.array(soakAccountSchema).min(1),
  consoleCount: z.number().int().positive(),
  /** Each console's cache goes under here in its own folder. */
  cacheRoot: z.string().min(1),
});

export const shopperStartSchema = z.strictObject({
  kind: z.literal('start'),
  hubUrl: z.url(),
  /** The shoppers' numbers (their emails are shopperEmail(runId, number)). */
  shoppers: z.array(z.number().int().nonnegative()).min(1),
  runId: z.string().min(1),
  /** Shoppers start spread evenly over this many milliseconds, so the hub is not hit by one burst. */
  rampMs: z.number().int().nonnegative(),
  /** Epoch ms after which no shopper sends a new message (each waits for the reply to its last one). */
  stopSendingAt: z.number().int().positive(),
  /** Pause between a shopper reading the agent's reply and sending its next message. */
  thinkMs: z.number().int().nonnegative(),
  /** Epoch ms by which every outstanding reply must have arrived. */
  drainUntil: z.number().int().positive(),
});

export const reportRequestSchema = z.strictObject({ kind: z.literal('report') });
export const closeRequestSchema = z.strictObject({ kind: z.literal('close') });

export const consoleRequestSchema = z.discriminatedUnion('kind', [
  consoleStartSchema,
  reportRequestSchema,
  closeRequestSchema,
]);
export const shopperRequestSchema = z.discriminatedUnion('kind', [
  shopperStartSchema,
  reportRequestSchema,
  closeRequestSchema,
]);
export type ConsoleRequest = z.infer<typeof consoleRequestSchema>;
export type ShopperRequest = z.infer<typeof shopperRequestSchema>;

export const cpuUsageSchema = z.object({ userMicros: z.number(), systemMicros: z.number() });

/** What one console worker saw: agent replies (the agent → shopper direction) and shopper messages received. */
export const consoleReportSchema = z.strictObject({
  kind: z.literal('consoleReport'),
  /** Conversation id per shopper email, for every conversation these consoles claimed. */
  conversations: z.record(z.email(), z.string()),
  claims: z.number().int().nonnegative(),
  repliesSent: z.number().int().nonnegative(),
  /** Agent replies the hub acknowledged (their delivery went from pending to sent): id → conversation id. */
  repliesAcked: z.record(z.string(), z.string()),
  /** Milliseconds from reply() to the hub's acknowledgement, one per acknowledged reply. */
  replyAckLatenciesMs: z.array(z.number().nonnegative()),
  /** Shopper message ids received by the console that had claimed the conversation (each counted once). */
  shopperMessagesReceived: z.array(z.string()),
  /** Receipts of a shopper message id already received (ignored by id; reported so they can be seen). */
  duplicateShopperMessages: z.number().int().nonnegative(),
  /** Desk events the consoles got, by type, summed over this worker's consoles (where their work goes). */
  eventsByType: z.record(z.string(), z.number().int().nonnegative()),
  errors: z.array(z.string()),
  cpu: cpuUsageSchema,
  /** How late this worker's event loop ran (ms): a console starved of CPU reads the hub's pings late. */
  eventLoopDelayMs: z.strictObject({ p99: z.number().nonnegative(), max: z.number().nonnegative() }),
});
export type ConsoleReport = z.infer<typeof consoleReportSchema>;

/** What one shopper worker saw: shopper messages (the shopper → agent direction) and agent replies received. */
export const shopperReportSchema = z.strictObject({
  kind: z.literal('shopperReport'),
  /** Shoppers whose chat reached an agent (hello, handoff, claimed). */
  handedOff: z.number().int().nonnegative(),
  messagesSent: z.number().int().nonnegative(),
  /** Shopper message ids the hub acknowledged, with the shopper's email. */
  messagesAcked: z.record(z.string(), z.email()),
  /** Milliseconds from chat:send to its ack, one per acknowledged message. */
  sendAckLatenciesMs: z.array(z.number().nonnegative()),
  /** Agent reply ids the shoppers received (each counted once). */
  repliesReceived: z.array(z.string()),
  duplicateReplies: z.number().int().nonnegative(),
  /** Shoppers still waiting for a reply when the drain ended. */
  unanswered: z.number().int().nonnegative(),
  errors: z.array(z.string()),
  cpu: cpuUsageSchema,
});
export type ShopperReport = z.infer<typeof shopperReportSchema>;

export const workerMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ready') }),
  /** Shopper workers: every shopper has finished (stopped sending and had its last reply, or drained). */
  z.strictObject({ kind: z.literal('done') }),
  z.strictObject({ kind: z.literal('failed'), error: z.string() }),
  consoleReportSchema,
  shopperReportSchema,
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

/** The email of soak shopper `number` in run `runId` (consoles read the number back from it). */
export function shopperEmail(runId: string, number: number): string {
  return `shopper-${number}@${runId}.soak.test`;
}

export function shopperNumber(email: string | undefined): number | null {
  const match = email ? /^shopper-(\d+)@[^@]+\.soak\.test$/.exec(email) : null;
  return match ? Number(match[1]) : null;
}

export function cpuNow(): z.infer<typeof cpuUsageSchema> {
  const usage = process.cpuUsage();
  return { userMicros: usage.user, systemMicros: usage.system };
}
