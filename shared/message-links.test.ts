import { describe, expect, it } from 'vitest';
import { splitLinks } from './message-links.js';

describe('splitLinks', () => {
  it('finds http(s) URLs and leaves the sentence punctuation outside them', () => {
    expect(
      splitLinks('Answers: https://example.com/help — or write through https://example.com/contact.'),
    ).toEqual([
      { kind: 'text', text: 'Answers: ' },
      { kind: 'link', text: 'https://example.com/help', href: 'https://example.com/help' },
      { kind: 'text', text: ' — or write through ' },
      { kind: 'link', text: 'https://example.com/contact', href: 'https://example.com/contact' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps a parenthesis the URL opened and drops one the sentence opened', () => {
    expect(splitLinks('(see http://x.se/a_(b))')).toEqual([
      { kind: 'text', text: '(see ' },
      { kind: 'link', text: 'http://x.se/a_(b)', href: 'http://x.se/a_(b)' },
      { kind: 'text', text: ')' },
    ]);
  });

  it('never makes links of other schemes or of markup', () => {
    const hostile = 'javascript:alert(1) <a href="http://evil">x</a> ftp://files.example.com';
    const parts = splitLinks(hostile);
    expect(parts.filter((part) => part.kind === 'link')).toEqual([
      { kind: 'link', text: 'http://evil', href: 'http://evil/' },
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(hostile);
  });

  it('returns plain text unchanged, and nothing for an empty message', () => {
    expect(splitLinks('Hej! Inga länkar här.')).toEqual([{ kind: 'text', text: 'Hej! Inga länkar här.' }]);
    expect(splitLinks('')).toEqual([]);
  });
});
