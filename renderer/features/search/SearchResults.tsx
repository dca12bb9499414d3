// Environment: browser. The search results, in the queue pane while a query is active: per hit who the
// conversation is with, channel, status, when, who wrote it, and the snippet with the matches marked.
// Click or Enter opens the conversation at that message; arrows (or j/k) move between hits.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/desk-api.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import type { MessageKey } from '../../i18n/en.js';
import { useDesk } from '../../store/use-desk.js';
import { moveSearchHitFocus } from './search-dom.js';
import { SearchFilters } from './SearchFilters.js';
import { Snippet } from './Snippet.js';

function authorKey(hit: SearchHit): MessageKey {
  if (hit.internal) return 'author.internalNote';
  switch (hit.author) {
    case 'customer_agent':
      return 'author.customerAgent';
    case 'agent':
      return 'search.author.agent';
    case 'shopper':
      return 'author.shopper';
    case 'system':
      return 'author.system';
  }
}

function SearchHitItem({ hit, onOpen }: { hit: SearchHit; onOpen(hit: SearchHit): void }) {
  const { t } = useTranslation();
  return (
    <li className="search-hit" data-conversation-id={hit.conversationId} data-message-id={hit.messageId}>
      <button type="button" className="search-hit__open" onClick={() => onOpen(hit)}>
        <span className="search-hit__head">
          <span className="search-hit__shopper">{hit.shopper}</span>
          <RelativeTime iso={hit.sentAt} className="search-hit__time" />
        </span>
        <span className="search-hit__meta">
          {t(`channel.${hit.channel}`)} · {t(`status.${hit.status}`)} · {t(authorKey(hit))}
        </span>
        <Snippet parts={hit.snippet} />
      </button>
    </li>
  );
}

export function SearchResults() {
  const { t } = useTranslation();
  const query = useDesk((state) => state.searchQuery);
  const status = useDesk((state) => state.searchStatus);
  const hits = useDesk((state) => state.searchHits);
  const more = useDesk((state) => state.searchMore);
  const error = useDesk((state) => state.searchError);
  const openHit = useDesk((state) => state.openSearchHit);

  const clearSearch = useDesk((state) => state.clearSearch);

  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape') {
      event.preventDefault(); // Back to the queue, not also closing the open conversation.
      clearSearch();
      return;
    }
    const delta = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    moveSearchHitFocus(delta);
  };

  return (
    <div className="search-panel">
      <SearchFilters />
      {status === 'error' ? (
        <p className="empty-state" role="alert">
          {t('search.failed', { message: error ?? '' })}
        </p>
      ) : status === 'ready' && hits.length === 0 ? (
        <p className="empty-state" role="status">
          {t('search.empty', { query: query.trim() })}
        </p>
      ) : (
        <>
          {status === 'loading' && hits.length === 0 && (
            <p className="search-panel__status" role="status">
              {t('search.searching')}
            </p>
          )}
          <ul
            role="list"
            aria-label={t('search.results')}
            aria-busy={status === 'loading'}
            className="search-results"
            onKeyDown={onListKeyDown}
          >
            {hits.map((hit) => (
              <SearchHitItem key={hit.messageId} hit={hit} onOpen={openHit} />
            ))}
          </ul>
          {more && <p className="search-panel__more">{t('search.more', { count: hits.length })}</p>}
        </>
      )}
    </div>
  );
}
