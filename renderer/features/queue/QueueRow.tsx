// Environment: browser. One queue row: who, where (channel), why (escalation reason), how long they waited,
// its status, unread count, and who else is viewing or typing in it.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, formatDateTimeShort } from '../../i18n/format.js';
import { useDesk } from '../../store/use-desk.js';
import { waitingSince } from '../../store/queue.js';
import { slaStateIn } from '../../store/sla-slice.js';
import {
  channelName,
  reasonLabel,
  shopperDisplayName,
  shopperSecondaryName,
  statusName,
} from '../conversation/display-names.js';
import { queueRowDomId } from './queue-dom.js';
import { WaitingTime } from './WaitingTime.js';
import { OthersActivity } from '../team/OthersActivity.js';

interface QueueRowProps {
  conversationId: string;
  /** Its place in the virtualised list: index (for measuring) and offset from the top (px). */
  index: number;
  offset: number;
  measureRef(element: HTMLLIElement | null): void;
  active: boolean;
  selected: boolean;
  onOpen(conversationId: string): void;
}

export const QueueRow = memo(function QueueRow({
  conversationId,
  index,
  offset,
  measureRef,
  active,
  selected,
  onOpen,
}: QueueRowProps) {
  const { t } = useTranslation();
  const conversation = useDesk((state) => state.conversationsById[conversationId]);
  const myId = useDesk((state) => state.session?.account.id ?? null);
  const unread = useDesk((state) => state.unread[conversationId] ?? 0);
  // A string from the store: the row re-renders when its standing changes, not on every tick of the clock.
  const sla = useDesk((state) => slaStateIn(state, conversationId));
  if (!conversation) return null;
  const who = shopperDisplayName(conversation.shopper);
  const secondary = shopperSecondaryName(conversation.shopper);
  const reason = conversation.escalation ? reasonLabel(conversation.escalation.reason) : '';
  const channel = channelName(conversation.channel);
  const status = statusName(conversation);
  const assignee = conversation.assignee;
  const unreadText = unread > 0 ? t('queue.unread', { count: unread }) : null;
  const slaText = sla === 'near' ? t('sla.near') : sla === 'breached' ? t('sla.breached') : null;
  return (
    <li
      ref={measureRef}
      data-index={index}
      style={{ transform: `translateY(${offset}px)` }}
      className={`queue-row${selected ? ' is-selected' : ''}${unread > 0 ? ' has-unread' : ''}`}
      data-conversation-id={conversationId}
      data-status={conversation.status}
      data-sla={sla}
    >
      <button
        type="button"
        id={queueRowDomId(conversationId)}
        className="queue-row__button"
        aria-label={[who, secondary, channel, reason, status, slaText, unreadText].filter(Boolean).join(', ')}
        aria-current={selected ? 'true' : undefined}
        tabIndex={active ? 0 : -1}
        onClick={() => onOpen(conversationId)}
      >
        <span className="queue-row__top">
          <span className="queue-row__who">{who}</span>
          {unread > 0 && (
            <span className="unread-badge" title={unreadText ?? undefined}>
              {unread}
            </span>
          )}
          {conversation.status === 'snoozed' && conversation.snoozedUntil ? (
            <time className="waiting" dateTime={conversation.snoozedUntil}>
              {t('queue.snoozedUntil', {
                time: sameDay(conversation.snoozedUntil)
                  ? formatClock(conversation.snoozedUntil)
                  : formatDateTimeShort(conversation.snoozedUntil),
              })}
            </time>
          ) : (
            <WaitingTime
              since={waitingSince(conversation)}
              unclaimed={conversation.status === 'queued'}
              sla={sla}
            />
          )}
        </span>
        <span className="queue-row__meta">
          <span className={`chip chip--channel chip--${conversation.channel}`}>{channel}</span>
          {slaText && <span className={`chip chip--sla chip--sla-${sla}`}>{slaText}</span>}
          {conversation.status !== 'queued' && conversation.status !== 'open' && (
            <span className={`chip chip--status chip--${conversation.status}`}>{status}</span>
          )}
          {secondary && <span className="queue-row__secondary">{secondary}</span>}
        </span>
        <span className="queue-row__bottom">
          <span className="queue-row__reason">{reason}</span>
          {assignee && (
            <span className="queue-row__assignee">
              {assignee.id === myId
                ? t('queue.assignedToYou')
                : t('queue.assignedTo', { name: assignee.name })}
            </span>
          )}
        </span>
        <OthersActivity conversationId={conversationId} variant="row" />
      </button>
    </li>
  );
});

function sameDay(iso: string): boolean {
  const date = new Date(iso);
  const today = new Date();
  return date.toDateString() === today.toDateString();
}
