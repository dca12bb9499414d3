// Environment: browser. The whole transcript as a log, with a divider where the Customer Agent handed off.
// It sticks to the bottom when new messages arrive unless the agent has scrolled up to read.
// A plain list (not virtualised) so every message stays in the DOM for find-in-page and screen readers;
// `content-visibility: auto` in CSS keeps long transcripts cheap to render.
import { Fragment, useLayoutEffect, useRef } from 'react';
import type { DeskMessage } from '../../../shared/desk-api.js';
import type { Conversation } from '../../../shared/domain.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { SkeletonLines } from '../../components/Skeleton.js';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../store/use-desk.js';
import { MessageItem } from './MessageItem.js';

/** How close to the bottom (px) still counts as "reading the latest". */
const STICK_THRESHOLD_PX = 48;

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

export function Transcript({ conversation, messages, loading, myAgentId }: TranscriptProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const lastConversationId = useRef<string | null>(null);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const switched = lastConversationId.current !== conversation.id;
    lastConversationId.current = conversation.id;
    if (switched || stickToBottom.current) element.scrollTop = element.scrollHeight;
  }, [conversation.id, messages]);

  // A search hit opened this conversation: show that message (once, after the bottom-scroll above) and stop
  // following new messages so it stays in view.
  const highlighted = useDesk((state) =>
    state.highlightedMessage?.conversationId === conversation.id ? state.highlightedMessage.messageId : null,
  );
  const scrolledTo = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!highlighted || scrolledTo.current === highlighted) return;
    const target = scrollRef.current?.querySelector(`[data-message-id="${CSS.escape(highlighted)}"]`);
    if (!target) return; // Not loaded yet: runs again when the messages arrive.
    scrolledTo.current = highlighted;
    stickToBottom.current = false;
    target.scrollIntoView({ block: 'center' });
  }, [highlighted, messages]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    stickToBottom.current =
      element.scrollHeight - element.scrollTop - element.clientHeight < STICK_THRESHOLD_PX;
  };

  const dividerAt = handoffDividerIndex(messages, conversation.escalatedAt);
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
          {messages.map((message, index) => (
            <Fragment key={message.id}>
              {index === dividerAt && divider}
              <MessageItem
                message={message}
                shopper={conversation.shopper}
                myAgentId={myAgentId}
                searchHit={message.id === highlighted}
              />
            </Fragment>
          ))}
          {dividerAt === messages.length && divider}
        </div>
      )}
    </div>
  );
}
