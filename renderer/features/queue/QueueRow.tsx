// Environment: browser. One queue row: who, where (channel), why (escalation reason), how long they waited.
import { memo } from 'react';
import { t } from '../../i18n/t.js';
import { useDesk } from '../../store/use-desk.js';
import { waitingSince } from '../../store/queue.js';
import {
  channelName,
  reasonLabel,
  shopperDisplayName,
  shopperSecondaryName,
} from '../conversation/display-names.js';
import { WaitingTime } from './WaitingTime.js';

export function queueRowDomId(conversationId: string): string {
  return `queue-row-${conversationId.replace(/[^\w-]/g, '_')}`;
}

interface QueueRowProps {
  conversationId: string;
  active: boolean;
  selected: boolean;
  onOpen(conversationId: string): void;
}

export const QueueRow = memo(function QueueRow({ conversationId, active, selected, onOpen }: QueueRowProps) {
  const conversation = useDesk((state) => state.conversationsById[conversationId]);
  const myId = useDesk((state) => state.session?.account.id ?? null);
  if (!conversation) return null;
  const who = shopperDisplayName(conversation.shopper);
  const secondary = shopperSecondaryName(conversation.shopper);
  const reason = conversation.escalation ? reasonLabel(conversation.escalation.reason) : '';
  const channel = channelName(conversation.channel);
  const assignee = conversation.assignee;
  return (
    <li className={`queue-row${selected ? ' is-selected' : ''}`} data-conversation-id={conversationId}>
      <button
        type="button"
        id={queueRowDomId(conversationId)}
        className="queue-row__button"
        aria-label={[who, secondary, channel, reason].filter(Boolean).join(', ')}
        aria-current={selected ? 'true' : undefined}
        tabIndex={active ? 0 : -1}
        onClick={() => onOpen(conversationId)}
      >
        <span className="queue-row__top">
          <span className="queue-row__who">{who}</span>
          <WaitingTime since={waitingSince(conversation)} unclaimed={conversation.status === 'queued'} />
        </span>
        <span className="queue-row__meta">
          <span className={`chip chip--channel chip--${conversation.channel}`}>{channel}</span>
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
      </button>
    </li>
  );
});
