// Environment: browser. The whole transcript as a log, with a divider where the Customer Agent handed off.
// It sticks to the bottom when new messages arrive unless the agent has scrolled up to read.
// Virtualised (@tanstack/react-virtual) when long: up to 200 messages are all in the DOM; beyond that only those
// in and near view, so a 10,000-message conversation opens and scrolls as fast as a short one (a plain list took
// seconds to open and ~140 ms a frame to scroll at that size). Finding an old message in a long one is the
// console's search, which scrolls the hit into view.
import { useLayoutEffect, useMemo, useRef } from 'react';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { shortListRange } from '../../components/short-list-range.js';
import type { DeskMessage } from '../../../shared/desk-api.js';
import type { Conversation } from '../../../shared/domain.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { SkeletonLines } from '../../components/Skeleton.js';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../store/use-desk.js';
import { MessageItem } from './MessageItem.js';

/** How close to the bottom (px) still counts as "reading the latest". */
const STICK_THRESHOLD_PX = 48;
/** A typical message's height (px) before it is measured; measured heights replace it as rows are drawn. */
const ESTIMATED_ROW_PX = 84;
/** The least height the virtualiser is told the log has (see observeElementRect below). */
const MIN_VIEW_PX = 1;
/** Rows drawn beyond each edge of the view, so a quick scroll does not show blank space. */
const OVERSCAN_ROWS = 6;

/** Index of the first message after the handoff, or messages.length when the handoff comes last. */
export function handoffDividerIndex(
  messages: readonly DeskMessage[],
  escalatedAt: string | null,
): number | null {
  if (!escalatedAt) return null;
  const at = Date.parse(escalatedAt);
  const index = messages.findIndex(
    (message) => Date.parse(message.sentAt) > at || message.author === 'agent',
  );
  return index === -1 ? messages.length : index;
}

interface TranscriptProps {
  conversation: Conversation;
  messages: DeskMessage[];
  loading: boolean;
  myAgentId: string | null;
}

/** One row of the log: a message, or the handoff divider between the Customer Agent's part and the humans'. */
type TranscriptRow = { kind: 'message'; message: DeskMessage } | { kind: 'divider' };

function transcriptRows(messages: readonly DeskMessage[], escalatedAt: string | null): TranscriptRow[] {
  const dividerAt = handoffDividerIndex(messages, escalatedAt);
  const rows: TranscriptRow[] = [];
  messages.forEach((message, index) => {
    if (index === dividerAt) rows.push({ kind: 'divider' });
    rows.push({ kind: 'message', message });
  });
  if (dividerAt === messages.length) rows.push({ kind: 'divider' });
  return rows;
}

export function Transcript(props: TranscriptProps) {
  // A fresh log (scroll position, measured heights) per conversation.
  return <TranscriptLog key={props.conversation.id} {...props} />;
}

function TranscriptLog({ conversation, messages, loading, myAgentId }: TranscriptProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);

  const rows = useMemo(
    () => transcriptRows(messages, conversation.escalatedAt),
    [messages, conversation.escalatedAt],
  );
  // The virtualiser's functions change with the scroll position: this component is left out of memoisation.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN_ROWS,
    rangeExtractor: shortListRange,
    getItemKey: (index) => {
      const row = rows[index];
      return row?.kind === 'message' ? row.message.id : 'handoff-divider';
    },
    // Opens at the latest messages: the first rows drawn are the ones the agent sees.
    initialOffset: () => Number.MAX_SAFE_INTEGER,
    // Banners can squeeze the log to no height; the virtualiser would then draw nothing at all. Counting it as
    // at least a pixel high keeps the rows at its scroll position (the latest) in the log.
    observeElementRect: (instance, onRect) =>
      observeElementRect(instance, (rect) =>
        onRect({ width: rect.width, height: Math.max(rect.height, MIN_VIEW_PX) }),
      ),
  });
  const totalSize = virtualizer.getTotalSize();

  // Follow the bottom as messages arrive and as measured heights replace estimates, unless scrolled up.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && stickToBottom.current) element.scrollTop = element.scrollHeight;
  }, [rows, totalSize]);

  // A search hit opened this conversation: show that message (once, after the bottom-scroll above) and stop
  // following new messages so it stays in view.
  const highlighted = useDesk((state) =>
    state.highlightedMessage?.conversationId === conversation.id ? state.highlightedMessage.messageId : null,
  );
  const scrolledTo = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!highlighted || scrolledTo.current === highlighted) return;
    const index = rows.findIndex((row) => row.kind === 'message' && row.message.id === highlighted);
    if (index === -1) return; // Not loaded yet: runs again when the messages arrive.
    scrolledTo.current = highlighted;
    stickToBottom.current = false;
    virtualizer.scrollToIndex(index, { align: 'center' });
  }, [highlighted, rows, virtualizer]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    stickToBottom.current =
      element.scrollHeight - element.scrollTop - element.clientHeight < STICK_THRESHOLD_PX;
  };

  const divider = conversation.escalatedAt ? (
    <div className="handoff-divider" role="separator" aria-label={t('conversation.handedOff')}>
      <span>
        {t('conversation.handedOff')} · <RelativeTime iso={conversation.escalatedAt} />
      </span>
    </div>
  ) : null;

  return (
    <div
      ref={scrollRef}
      className="transcript"
      role="log"
      aria-label={t('conversation.transcript')}
      onScroll={onScroll}
    >
      {loading && messages.length === 0 ? (
        <SkeletonLines count={5} className="transcript-skeleton" />
      ) : messages.length === 0 ? (
        <p className="empty-state">{t('conversation.emptyTranscript')}</p>
      ) : (
        <div className="transcript__inner">
          <div className="transcript__rows" style={{ height: totalSize }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  className="transcript__row"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row.kind === 'divider' ? (
                    divider
                  ) : (
                    <MessageItem
                      message={row.message}
                      shopper={conversation.shopper}
                      myAgentId={myAgentId}
                      searchHit={row.message.id === highlighted}
                    />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
