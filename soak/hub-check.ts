// The end-of-run check against the hub itself: every conversation's transcript read back through the
// handoff API (GET /api/v1/handoffs/:id, integration token), counted by message id.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../hub/store/sqlite/sqlite-hub-store.js';
import { API_PREFIX, handoffViewSchema } from '../shared/handoff-api.js';

/** Reads at once: enough to be quick, few enough not to be the load. */
const READ_CONCURRENCY = 8;

/** How many times each message id appears in the hub's transcripts of `conversationIds`. */
export async function hubMessageCounts(
  hubUrl: string,
  integrationToken: string,
  conversationIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const queue = [...conversationIds];
  const lane = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const response = await fetch(`${hubUrl}${API_PREFIX}/handoffs/${encodeURIComponent(id)}`, {
        headers: { authorization: `Bearer ${integrationToken}` },
      });
      if (response.status !== 200)
        throw new Error(`GET handoff ${id}: ${response.status} ${await response.text()}`);
      const parsed = handoffViewSchema.safeParse(await response.json());
      if (!parsed.success) throw new Error(`GET handoff ${id}: malformed: ${parsed.error.message}`);
      for (const message of parsed.data.transcript) counts.set(message.id, (counts.get(message.id) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, lane));
  return counts;
}

/**
 * How many changes the hub's log (the stream every console applies) holds, read from its database next to the
 * running hub; null when it cannot be read (e.g. encrypted). Every console applies every change, so the
 * consoles' work grows with changes × consoles.
 */
export function hubLogLength(dataDir: string): number | null {
  try {
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    try {
      return db.prepare<[], { count: number }>('SELECT count(*) AS count FROM changes').get()?.count ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
