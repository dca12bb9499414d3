// Environment: browser. A search hit's snippet: the matched words in <mark>, every part as text (React
// children, never HTML), so a message can never inject markup into the console.
import type { SearchHit } from '../../../shared/desk-api.js';

export function Snippet({ parts }: { parts: SearchHit['snippet'] }) {
  return (
    <span className="search-hit__snippet">
      {parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : part.text))}
    </span>
  );
}
