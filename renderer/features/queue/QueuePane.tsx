// Environment: browser. The queue: tabs with counts, a keyboard-driven list of conversations, empty states
// that explain what will appear, and the team at the foot. The list is virtualised (@tanstack/react-virtual)
// when long: up to 200 rows are all in the DOM; beyond that only those in and near view, so 5,000 waiting
// conversations cost what 200 do.
import { useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { shortListRange } from '../../components/short-list-range.js';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { SkeletonLines } from '../../components/Skeleton.js';
import type { MessageKey } from '../../i18n/en.js';
import { queueCount, queueIds } from '../../store/queue.js';
import { QUEUE_TABS, type QueueTab } from '../../store/ui-slice.js';
import { useDesk } from '../../store/use-desk.js';
import { isSearching } from '../../store/search-slice.js';
import { SearchBox } from '../search/SearchBox.js';
import { SearchResults } from '../search/SearchResults.js';
import { TeamRoster } from '../team/TeamRoster.js';
import { focusQueueRow, setQueueRowRevealer, takePendingQueueFocus } from './queue-dom.js';
import { QueueRow } from './QueueRow.js';

const tabLabels: Record<QueueTab, MessageKey> = {
  unassigned: 'queue.tab.unassigned',
  mine: 'queue.tab.mine',
  allOpen: 'queue.tab.allOpen',
  snoozed: 'queue.tab.snoozed',
};
/** A row's height (px) before it is measured; measured heights replace it. */
const ESTIMATED_ROW_PX = 76;
const OVERSCAN_ROWS = 8;
/** The list's padding (px) above the first row and below the last. */
const LIST_PADDING_PX = 4;

const emptyTexts: Record<QueueTab, MessageKey> = {
  unassigned: 'queue.empty.unassigned',
  mine: 'queue.empty.mine',
  allOpen: 'queue.empty.allOpen',
  snoozed: 'queue.empty.snoozed',
};

function QueueTabButton({
  tab,
  selected,
  onSelect,
}: {
  tab: QueueTab;
  selected: boolean;
  onSelect(tab: QueueTab): void;
}) {
  const { t } = useTranslation();
  const count = useDesk((state) => queueCount(state, tab));
  return (
    <button
      type="button"
      role="tab"
      id={`queue-tab-${tab}`}
      aria-selected={selected}
      aria-controls="queue-panel"
      tabIndex={selected ? 0 : -1}
      className="queue-tab"
      onClick={() => onSelect(tab)}
    >
      {t(tabLabels[tab])}
      <span className="queue-tab__count">{count}</span>
    </button>
  );
}

export function QueuePane() {
  const { t } = useTranslation();
  const tab = useDesk((state) => state.queueTab);
  const setTab = useDesk((state) => state.setQueueTab);
  const ids = useDesk(useShallow((state) => queueIds(state, tab)));
  const selectedId = useDesk((state) => state.selectedConversationId);
  const cursorId = useDesk((state) => state.queueCursorId);
  const setCursor = useDesk((state) => state.setQueueCursor);
  const openConversation = useDesk((state) => state.openConversation);
  const ready = useDesk((state) => state.snapshotStatus === 'ready');
  const searching = useDesk(isSearching);

  // The keyboard cursor follows the list: it stays on its row if still there, else falls back sensibly.
  const effectiveActive =
    cursorId && ids.includes(cursorId)
      ? cursorId
      : selectedId && ids.includes(selectedId)
        ? selectedId
        : (ids[0] ?? null);

  const open = useCallback((conversationId: string) => openConversation(conversationId), [openConversation]);

  const panelRef = useRef<HTMLDivElement>(null);
  // The virtualiser's functions change with the scroll position: this component is left out of memoisation.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => panelRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN_ROWS,
    rangeExtractor: shortListRange,
    paddingStart: LIST_PADDING_PX,
    paddingEnd: LIST_PADDING_PX,
    getItemKey: (index) => ids[index] ?? index,
  });
  // Keyboard moves to a row out of view scroll it in; it takes focus once drawn.
  useEffect(() => {
    setQueueRowRevealer((conversationId) => {
      const index = ids.indexOf(conversationId);
      if (index !== -1) virtualizer.scrollToIndex(index, { align: 'auto' });
    });
    return () => setQueueRowRevealer(null);
  }, [ids, virtualizer]);
  useLayoutEffect(() => takePendingQueueFocus());

  // Roving focus: one row is in the tab order; arrows (or j/k) move focus, Enter or Space opens (native button).
  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (ids.length === 0 || event.ctrlKey || event.metaKey || event.altKey) return;
    const index = effectiveActive ? ids.indexOf(effectiveActive) : -1;
    const move = (delta: number) => {
      event.preventDefault();
      const next = ids[Math.min(ids.length - 1, Math.max(0, index + delta))];
      if (!next) return;
      setCursor(next);
      focusQueueRow(next);
    };
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        return move(1);
      case 'ArrowUp':
      case 'k':
        return move(-1);
      case 'Home':
        return move(-ids.length);
      case 'End':
        return move(ids.length);
    }
  };

  const onTabsKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const index = QUEUE_TABS.indexOf(tab);
    const next =
      QUEUE_TABS[(index + (event.key === 'ArrowRight' ? 1 : QUEUE_TABS.length - 1)) % QUEUE_TABS.length];
    if (next) {
      setTab(next);
      document.getElementById(`queue-tab-${next}`)?.focus();
    }
  };

  const queue = (
    <>
      <div role="tablist" aria-label={t('queue.label')} className="queue-tabs" onKeyDown={onTabsKeyDown}>
        {QUEUE_TABS.map((queueTab) => (
          <QueueTabButton key={queueTab} tab={queueTab} selected={queueTab === tab} onSelect={setTab} />
        ))}
      </div>
      <div
        ref={panelRef}
        id="queue-panel"
        role="tabpanel"
        aria-labelledby={`queue-tab-${tab}`}
        className="queue-panel"
      >
        {!ready ? (
          <SkeletonLines count={6} className="queue-skeleton" />
        ) : ids.length === 0 ? (
          <p className="empty-state">{t(emptyTexts[tab])}</p>
        ) : (
          <ul
            role="list"
            aria-label={t('queue.listLabel')}
            className="queue-list"
            style={{ height: virtualizer.getTotalSize() }}
            onKeyDown={onListKeyDown}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const id = ids[item.index];
              if (!id) return null;
              return (
                <QueueRow
                  key={id}
                  conversationId={id}
                  index={item.index}
                  offset={item.start}
                  measureRef={virtualizer.measureElement}
                  active={id === effectiveActive}
                  selected={id === selectedId}
                  onOpen={open}
                />
              );
            })}
          </ul>
        )}
      </div>
      <p className="queue-hint">{t('queue.keyboardHint')}</p>
    </>
  );

  return (
    <nav className="pane pane--queue" aria-label={t('queue.label')}>
      <SearchBox />
      {searching ? <SearchResults /> : queue}
      <TeamRoster />
    </nav>
  );
}
