// Environment: any. Which canned replies match what follows `/` in the composer, best first.
import type { CannedReply } from '../../../shared/canned-replies.js';
import { fold } from './triggers.js';

export const MAX_CANNED_SUGGESTIONS = 8;

/**
 * Shortcut starts with the query first, then shortcut contains it, then the title has a word starting with
 * it, then the title contains it; ties by shortcut. An empty query lists them all by shortcut.
 */
export function filterCannedReplies(replies: readonly CannedReply[], query: string): CannedReply[] {
  const q = fold(query);
  const rankOf = (reply: CannedReply): number | null => {
    const shortcut = fold(reply.shortcut);
    const title = fold(reply.title);
    if (shortcut.startsWith(q)) return 0;
    if (shortcut.includes(q)) return 1;
    if (title.split(/\s+/).some((word) => word.startsWith(q))) return 2;
    if (title.includes(q)) return 3;
    return null;
  };
  return replies
    .map((reply) => ({ reply, rank: rankOf(reply) }))
    .filter((entry): entry is { reply: CannedReply; rank: number } => entry.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.reply.shortcut.localeCompare(b.reply.shortcut))
    .slice(0, MAX_CANNED_SUGGESTIONS)
    .map((entry) => entry.reply);
}
