// Environment: any. Finding what the agent is typing after a trigger character (`@` for a mention, `/` for a
// canned reply) and replacing it with what they chose. Pure text functions, tested on their own.

export interface TriggerMatch {
  /** Index of the trigger character in the text. */
  start: number;
  /** What follows it up to the caret. */
  query: string;
}

/**
 * The trigger before the caret, if the agent is typing one: the character starts the text or follows
 * whitespace, and nothing between it and the caret is whitespace (so "a/b" or a finished word do not match).
 */
export function findTrigger(text: string, caret: number, trigger: '@' | '/'): TriggerMatch | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf(trigger);
  if (start === -1) return null;
  if (start > 0 && !/\s/.test(before[start - 1] ?? '')) return null;
  const query = before.slice(start + 1);
  if (/\s/.test(query)) return null;
  return { start, query };
}

/**
 * Replaces the trigger and its query with `insert` and returns the new text and caret. `space`: add a space
 * after it (a mention continues the sentence; a canned reply is the text itself).
 */
export function replaceTrigger(
  text: string,
  caret: number,
  match: TriggerMatch,
  insert: string,
  space = true,
): { text: string; caret: number } {
  const after = text.slice(caret);
  const spaced = !space || after.startsWith(' ') ? insert : `${insert} `;
  const next = text.slice(0, match.start) + spaced + after;
  return { text: next, caret: match.start + spaced.length };
}

/** Case- and accent-insensitive form for matching ("Ö" matches "o"). */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
