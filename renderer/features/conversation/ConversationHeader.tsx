// Environment: browser. Who the conversation is with, where, its status and assignee, and the actions that
// apply right now (Claim while queued; Resolve for the assignee while open).
import type { Conversation } from '../../../shared/domain.js';
import { t } from '../../i18n/t.js';
import { useDesk } from '../../store/use-desk.js';
import { channelName, shopperDisplayName, shopperSecondaryName, statusName } from './display-names.js';

interface ConversationHeaderProps {
  conversation: Conversation;
  resolveOpen: boolean;
  onResolveClick(): void;
  shopperPanelOpen: boolean;
  onToggleShopperPanel(): void;
}

export function ConversationHeader({
  conversation,
  resolveOpen,
  onResolveClick,
  shopperPanelOpen,
  onToggleShopperPanel,
}: ConversationHeaderProps) {
  const myId = useDesk((state) => state.session?.account.id ?? null);
  const claimState = useDesk((state) => state.actionsByConversation[conversation.id]?.claim ?? 'idle');
  const claim = useDesk((state) => state.claim);
  const secondary = shopperSecondaryName(conversation.shopper);
  const mine = conversation.assignee?.id === myId;

  return (
    <header className="conversation-header">
      <div className="conversation-header__who">
        <h2 className="conversation-header__name">{shopperDisplayName(conversation.shopper)}</h2>
        <div className="conversation-header__meta">
          {secondary && <span>{secondary}</span>}
          <span className={`chip chip--channel chip--${conversation.channel}`}>
            {channelName(conversation.channel)}
          </span>
          <span
            className={`chip chip--status chip--${conversation.status}`}
            data-status={conversation.status}
          >
            {statusName(conversation)}
          </span>
          <span className="conversation-header__assignee">
            {conversation.assignee
              ? t('conversation.assignee', {
                  name: mine ? t('queue.assignedToYou') : conversation.assignee.name,
                })
              : t('conversation.unassigned')}
          </span>
        </div>
      </div>
      <div className="conversation-header__actions">
        {conversation.status === 'queued' && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void claim(conversation.id)}
            disabled={claimState === 'in_flight'}
            aria-busy={claimState === 'in_flight'}
          >
            {claimState === 'in_flight' ? t('actions.claiming') : t('actions.claim')}
          </button>
        )}
        {conversation.status === 'open' && mine && !resolveOpen && (
          <button type="button" className="button" onClick={onResolveClick}>
            {t('actions.resolve')}
          </button>
        )}
        <button
          type="button"
          className="button button--ghost shopper-toggle"
          aria-expanded={shopperPanelOpen}
          aria-controls="shopper-panel"
          onClick={onToggleShopperPanel}
        >
          {t('shopper.label')}
        </button>
      </div>
    </header>
  );
}
