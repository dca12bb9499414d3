// Environment: browser. Transcript and note text as text, with its http(s) URLs as links (shared/message-links.ts):
// React elements, never HTML. A link opens outside the console: a new tab in the web host; in Electron the
// window-open handler (main/electron/hardening.ts) hands http(s) URLs to the system browser and opens nothing.
import { Fragment } from 'react';
import { splitLinks } from '../../shared/message-links.js';

export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((part, index) =>
        part.kind === 'link' ? (
          <a key={index} className="message-link" href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
