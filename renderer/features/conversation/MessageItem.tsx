// Environment: browser. One transcript entry. The shopper on the left; the Customer Agent (AI, badged) and
// human agents on the right, each styled differently; system messages centred. Text is rendered as text, its
// http(s) URLs as links that open outside the console (LinkedText).
import { memo } from 'react';
import type { DeskMessage } from '../../../shared/desk-api.js';
import type { Shopper } from '../../../shared/domain.js';
import { LinkedText } from '../../components/LinkedText.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useTranslation } from 'react-i18next';
import { shopperDisplayName } from './display-names.js';
import { ProductCards } from './ProductCards.js';
import { useShallow } from 'zustand/react/shallow';
import { useDesk } from '../../store/use-desk.js';
import { splitMentions } from '../composer/mentions.js';

interface MessageItemProps {
  message: DeskMessage;
  shopper: Shopper;
  myAgentId: string | null;
  /** The message a search hit opened: marked so the eye finds it. */
  searchHit?: boolean;
}

/** Our message's delivery in words; pending says it waits for the hub while the console is not live. */
function useDeliveryLabel(message: DeskMessage): string | null {
  const { t } = useTranslation();
  const live = useDesk((state) => state.connection.status === 'online');
  if (!message.delivery) return null;
  if (message.delivery === 'pending' && !live) return t('delivery.queued');
  return t(`delivery.${message.delivery}`);
}

function AuthorLabel({ message, shopper, myAgentId }: MessageItemProps) {
  const { t } = useTranslation();
  switch (message.author) {
    case 'shopper':
      return <span className="message__author">{shopperDisplayName(shopper)}</span>;
    case 'customer_agent':
      return (
        <span className="message__author">
          {t('author.customerAgent')}
          <abbr className="badge badge--ai" title={t('author.aiBadgeLabel')}>
            {t('author.aiBadge')}
          </abbr>
        </span>
      );
    case 'agent': {
      const name = message.agent?.name ?? t('author.shopper');
      return (
        <span className="message__author">
          {message.agent && message.agent.id === myAgentId ? t('author.you', { name }) : name}
        </span>
      );
    }
    case 'system':
      return <span className="message__author">{t('author.system')}</span>;
  }
}

export const MessageItem = memo(function MessageItem({
  message,
  shopper,
  myAgentId,
  searchHit = false,
}: MessageItemProps) {
  const delivery = useDeliveryLabel(message);
  if (message.internal)
    return <NoteItem message={message} shopper={shopper} myAgentId={myAgentId} searchHit={searchHit} />;
  if (message.author === 'system') {
    return (
      <div
        className="message message--system"
        data-message-id={message.id}
        data-author="system"
        data-search-hit={searchHit || undefined}
      >
        <span className="message__text">
          <LinkedText text={message.text} />
        </span>
        <RelativeTime iso={message.sentAt} className="message__time" />
      </div>
    );
  }
  return (
    <div
      className={`message message--${message.author}`}
      data-message-id={message.id}
      data-author={message.author}
      data-search-hit={searchHit || undefined}
    >
      <div className="message__head">
        <AuthorLabel message={message} shopper={shopper} myAgentId={myAgentId} />
        <RelativeTime iso={message.sentAt} className="message__time" />
      </div>
      <div className="message__bubble">
        <p className="message__text">
          <LinkedText text={message.text} />
        </p>
        <ProductCards products={message.products} />
      </div>
      {message.author === 'agent' && message.delivery && (
        <span className={`delivery delivery--${message.delivery}`} data-delivery={message.delivery}>
          {delivery}
        </span>
      )}
    </div>
  );
});

/** An internal note: amber, labelled, on the team's side; mentions stand out. Never sent to the shopper. */
function NoteItem({ message, shopper, myAgentId, searchHit = false }: MessageItemProps) {
  const { t } = useTranslation();
  const mentionedNames = useDesk(
    useShallow((state) =>
      state.roster.filter((member) => message.mentions.includes(member.id)).map((member) => member.name),
    ),
  );
  const mentionsMe = myAgentId !== null && message.mentions.includes(myAgentId);
  const delivery = useDeliveryLabel(message);
  return (
    <div
      className={`message message--note${mentionsMe ? ' mentions-me' : ''}`}
      data-message-id={message.id}
      data-author={message.author}
      data-internal="true"
      data-search-hit={searchHit || undefined}
    >
      <div className="message__head">
        <span className="note-label" title={t('author.internalNoteHint')}>
          {t('author.internalNote')}
        </span>
        <AuthorLabel message={message} shopper={shopper} myAgentId={myAgentId} />
        <RelativeTime iso={message.sentAt} className="message__time" />
      </div>
      <div className="message__bubble">
        <p className="message__text">
          {splitMentions(message.text, mentionedNames).map((part, index) =>
            part.mention ? (
              <strong key={index} className="mention">
                {part.text}
              </strong>
            ) : (
              <LinkedText key={index} text={part.text} />
            ),
          )}
        </p>
      </div>
      {message.delivery === 'pending' || message.delivery === 'failed' ? (
        <span className={`delivery delivery--${message.delivery}`} data-delivery={message.delivery}>
          {delivery}
        </span>
      ) : null}
    </div>
  );
}
