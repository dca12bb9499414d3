// Environment: Node (hub). `page[cursor]` of a segment's members: the (since, profile id) key of the last member
// of the previous page, so that a page never repeats or skips a member while others join.
import { z } from 'zod';
import type { MembersKey } from './sqlite-segment-store.js';

const membersCursorSchema = z.strictObject({ since: z.iso.datetime(), profileId: z.string().min(1).max(64) });

export function encodeMembersCursor(key: MembersKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** null if the token is not one the hub made. */
export function decodeMembersCursor(token: string): MembersKey | null {
  try {
    const parsed = membersCursorSchema.safeParse(
      JSON.parse(Buffer.from(token, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
