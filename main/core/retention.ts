// Environment: Node. The retention preference: resolved conversations whose last message is older than N days
// leave this machine's cache (never one with work in the outbox, unsent or refused). Checked at start, when the
// preference changes, and every 6 hours.
import { conversationSchema } from '../../shared/domain.js';
import type { DeskCache } from './cache.js';
import { parseStored } from './cache.js';

export const RETENTION_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface ResolvedRow {
  id: string;
  last_message_at: string | null;
  json: string;
}

/** Resolved conversations last active before `now` minus `retentionDays`, with nothing in the outbox. */
export function expiredConversationIds(cache: DeskCache, retentionDays: number, now: number): string[] {
  const cutoff = now - retentionDays * DAY_MS;
  const rows = cache.db
    .prepare<[], ResolvedRow>(
      `SELECT c.id, c.last_message_at, c.json FROM conversations c
       WHERE c.status = 'resolved'
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.conversation_id = c.id)`,
    )
    .all();
  return rows.filter((row) => lastActivity(row) < cutoff).map((row) => row.id);
}

/** When the conversation last saw a message (or, without one, was resolved or handed off). */
function lastActivity(row: ResolvedRow): number {
  // Compared as instants: stored times may carry different UTC offsets, so never as strings.
  if (row.last_message_at !== null) return Date.parse(row.last_message_at);
  const conversation = parseStored(row.json, conversationSchema);
  const at = conversation?.resolvedAt ?? conversation?.escalatedAt ?? conversation?.createdAt;
  // Unreadable: keep it (a later sync rewrites it).
  return at ? Date.parse(at) : Number.POSITIVE_INFINITY;
}

/** Removes what the retention period no longer keeps; returns the removed conversation ids. */
export function pruneExpired(cache: DeskCache, retentionDays: number | null, now: number): string[] {
  if (retentionDays === null) return [];
  return cache.db.transaction(() =>
    expiredConversationIds(cache, retentionDays, now).filter((id) => cache.removeConversation(id)),
  )();
}

export interface RetentionScheduleOptions {
  cache: DeskCache;
  retentionDays: () => number | null;
  now: () => number;
  removed: (conversationIds: string[]) => void;
  intervalMs?: number;
}

/** Prunes now and then every `intervalMs` (the timer never keeps the process alive). */
export class RetentionSchedule {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: RetentionScheduleOptions) {}

  start(): void {
    this.run();
    if (this.timer) return;
    this.timer = setInterval(() => this.run(), this.options.intervalMs ?? RETENTION_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  run(): void {
    const { cache } = this.options;
    if (!cache.db.open) return;
    const removed = pruneExpired(cache, this.options.retentionDays(), this.options.now());
    if (removed.length > 0) this.options.removed(removed);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
