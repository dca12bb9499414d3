// Environment: any. @mentions in internal notes: which teammates match what is typed, and which ones a
// finished note mentions (by the `@Name` text it contains, so deleting the text drops the mention).
import type { TeamMember } from '../../../shared/team.js';
import { fold } from './triggers.js';

export const MAX_MENTION_SUGGESTIONS = 8;

/** Teammates whose name (any word) or email starts with the query; online first, then by name. */
export function suggestMembers(roster: readonly TeamMember[], query: string): TeamMember[] {
  const q = fold(query);
  const presenceRank = { online: 0, away: 1, offline: 2 } as const;
  return roster
    .filter((member) => {
      if (!q) return true;
      const words = fold(member.name).split(/\s+/);
      return (
        words.some((word) => word.startsWith(q)) ||
        fold(member.name).startsWith(q) ||
        fold(member.email).startsWith(q)
      );
    })
    .sort((a, b) => presenceRank[a.presence] - presenceRank[b.presence] || a.name.localeCompare(b.name))
    .slice(0, MAX_MENTION_SUGGESTIONS);
}

export function mentionText(member: Pick<TeamMember, 'name'>): string {
  return `@${member.name}`;
}

/** Ids of the teammates the text mentions as `@Full Name` (not followed by another letter or digit). */
export function extractMentions(text: string, roster: readonly Pick<TeamMember, 'id' | 'name'>[]): string[] {
  const ids: string[] = [];
  for (const member of roster) {
    const token = mentionText(member);
    let from = 0;
    for (;;) {
      const at = text.indexOf(token, from);
      if (at === -1) break;
      const next = text[at + token.length] ?? '';
      const before = at === 0 ? '' : (text[at - 1] ?? '');
      if (!/[\p{L}\p{N}]/u.test(next) && !/[\p{L}\p{N}]/u.test(before)) {
        ids.push(member.id);
        break;
      }
      from = at + 1;
    }
  }
  return ids;
}

/** Splits a note's text into plain parts and `@Name` parts for the given names, so mentions can stand out. */
export function splitMentions(text: string, names: readonly string[]): { text: string; mention: boolean }[] {
  const tokens = names.map((name) => `@${name}`).sort((a, b) => b.length - a.length);
  const parts: { text: string; mention: boolean }[] = [];
  let plain = '';
  let index = 0;
  while (index < text.length) {
    const token = tokens.find((candidate) => text.startsWith(candidate, index));
    if (token) {
      if (plain) parts.push({ text: plain, mention: false });
      plain = '';
      parts.push({ text: token, mention: true });
      index += token.length;
    } else {
      plain += text[index];
      index += 1;
    }
  }
  if (plain) parts.push({ text: plain, mention: false });
  return parts;
}
