// Environment: Node (hub). `page[cursor]`: an opaque token for keyset pagination. It holds the sort it was
// made for and the (time, position) key of the event the next page starts after (or the previous page ends
// before), so that a page never skips or repeats an event while new ones arrive.
import { z } from 'zod';

export type EventsSort = 'datetime' | '-datetime' | 'timestamp' | '-timestamp';

const eventsCursorSchema = z.strictObject({
  sort: z.enum(['datetime', '-datetime', 'timestamp', '-timestamp']),
  /** next: the events after the key; prev: the events before it. */
  towards: z.enum(['next', 'prev']),
  time: z.iso.datetime(),
  position: z.number().int().nonnegative(),
});
export type EventsCursor = z.infer<typeof eventsCursorSchema>;

export function encodeCursor(cursor: EventsCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** null if the token is not one the hub made. */
export function decodeCursor(token: string): EventsCursor | null {
  try {
    const parsed = eventsCursorSchema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Metrics are paged by id. */
export function encodeMetricsCursor(afterId: string): string {
  return Buffer.from(JSON.stringify({ afterId })).toString('base64url');
}

export function decodeMetricsCursor(token: string): string | null {
  try {
    const parsed = z
      .strictObject({ afterId: z.string().max(64) })
      .safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data.afterId : null;
  } catch {
    return null;
  }
}
