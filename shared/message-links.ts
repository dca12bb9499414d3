// Environment: any. Finds the http(s) links in transcript and note text so that the shopper's widget and the
// console draw them as links (as elements, never as HTML) and everything else as plain text. Only well-formed
// http(s) URLs become links: javascript:, data:, file: and every other scheme stay text.
export type MessagePart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/giu;
/** Sentence punctuation after a URL belongs to the sentence, not to the URL. */
const TRAILING = /[.,;:!?…»"')\]}]+$/u;

function trimTrailing(candidate: string): string {
  let url = candidate.replace(TRAILING, '');
  // Keep a closing parenthesis the URL itself opened, e.g. https://en.wikipedia.org/wiki/Linen_(fabric).
  const open = (url.match(/\(/g) ?? []).length;
  const close = (url.match(/\)/g) ?? []).length;
  if (open > close && candidate.startsWith(`${url})`)) url += ')';
  return url;
}

function asHttpUrl(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function splitLinks(text: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let plainFrom = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    const url = trimTrailing(match[0]);
    const href = url ? asHttpUrl(url) : null;
    if (!href) continue;
    if (start > plainFrom) parts.push({ kind: 'text', text: text.slice(plainFrom, start) });
    parts.push({ kind: 'link', text: url, href });
    plainFrom = start + url.length;
  }
  if (plainFrom < text.length) parts.push({ kind: 'text', text: text.slice(plainFrom) });
  return parts;
}
