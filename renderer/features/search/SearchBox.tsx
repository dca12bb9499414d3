// Environment: browser. The always-visible search box. Typing searches (the store debounces); Escape or
// emptying it goes back to the queue; ArrowDown moves into the results; the `f` shortcut focuses it.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../store/use-desk.js';
import { focusFirstSearchHit } from './search-dom.js';

export function SearchBox() {
  const { t } = useTranslation();
  const query = useDesk((state) => state.searchQuery);
  const setQuery = useDesk((state) => state.setSearchQuery);
  const clearSearch = useDesk((state) => state.clearSearch);
  const focusRequest = useDesk((state) => state.searchFocusRequest);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest > 0) inputRef.current?.select();
  }, [focusRequest]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && query !== '') {
      // Handled here, so the window-wide Escape (close the conversation) does not also run.
      event.preventDefault();
      clearSearch();
    } else if (event.key === 'ArrowDown' && focusFirstSearchHit()) {
      event.preventDefault();
    }
  };

  return (
    <div className="search-box" role="search">
      <input
        ref={inputRef}
        type="search"
        className="search-box__input"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
