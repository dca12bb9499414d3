// Environment: browser. Who the conversation is with, where, its status and assignee, who else is here
// (viewing, typing), and the actions that apply right now for this agent.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../shared/domain.js';
import { abilitiesWhile } from '../../store/watching.js';
import { useDesk } from '../../store/use-desk.js';
import { ExportMenu } from '../offline/ExportMenu.js';
import { OthersActivity } from '../team/OthersActivity.js';
import { channelName, shopperDisplayName, shopperSecondaryName, statusName } from './display-names.js';

interface HeaderActionProps {
  shortcut: string;
  disabled?: boolean;
  onClick(): void;
  children: ReactNode;
}

/** A plain header action with its keyboard shortcut (claim, primary and busy, is spelled out). */
function HeaderAction({ shortcut, disabled, onClick, children }: HeaderActionProps) {
  return (
    <button
      type="button"
      className="button"
      disabled={disabled}
      onClick={onClick}
      aria-keyshortcuts={shortcut}
    >
      {children}
    </button>
  );
}

interface ConversationHeaderProps {
  conversation: Conversation;
  shopperPanelOpen: boolean;
  onToggleShopperPanel(): void;
  /** A lead watching read-only: the watching banner has their actions, the header none. */
  watching: boolean;
}

export function ConversationHeader({
  conversation,
  shopperPanelOpen,
  onToggleShopperPanel,
  watching,
}: ConversationHeaderProps) {
  const { t } = useTranslation();
  const account = useDesk((state) => state.session?.account);
  const actions = useDesk((state) => state.actionsByConversation[conversation.id]);
  const resolveOpen = useDesk((state) => state.resolveFormFor === conversation.id);
  const claim = useDesk((state) => state.claim);
  const setStatus = useDesk((state) => state.setStatus);
  const openDialog = useDesk((state) => state.openDialog);
  const setResolveFormFor = useDesk((state) => state.setResolveFormFor);
  const secondary = shopperSecondaryName(conversation.shopper);
  const mine = conversation.assignee?.id === account?.id;
  const can = abilitiesWhile(conversation, account, watching);
  const claiming = actions?.claim === 'in_flight';
  const moving = actions?.moving ?? false;
  const resolving = actions?.resolve === 'in_flight';

  return (
    <header className="conversation-header">
      <div className="conversation-header__row">
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
              {mine
                ? t('conversation.assignedToYou')
                : conversation.assignee
                  ? t('conversation.assignee', { name: conversation.assignee.name })
                  : t('conversation.unassigned')}
            </span>
          </div>
        </div>
        <div className="conversation-header__actions" role="group" aria-label={t('conversation.actions')}>
          {can.claim && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => void claim(conversation.id)}
              disabled={claiming}
              aria-busy={claiming}
              aria-keyshortcuts="c"
            >
              {claiming ? t('actions.claiming') : t('actions.claim')}
            </button>
          )}
          {can.reopen && (
            <HeaderAction
              shortcut="o"
              disabled={moving}
              onClick={() => void setStatus(conversation.id, { status: 'open' })}
            >
              {t('actions.reopen')}
            </HeaderAction>
          )}
          {can.pending && (
            <HeaderAction
              shortcut="p"
              disabled={moving}
              onClick={() => void setStatus(conversation.id, { status: 'pending' })}
            >
              {t('actions.markPending')}
            </HeaderAction>
          )}
          {can.snooze && (
            <HeaderAction
              shortcut="s"
              disabled={moving}
              onClick={() => openDialog({ kind: 'snooze', conversationId: conversation.id })}
            >
              {t('actions.snooze')}
            </HeaderAction>
          )}
          {can.transfer && !watching && (
            <HeaderAction
              shortcut="t"
              disabled={moving}
              onClick={() => openDialog({ kind: 'transfer', conversationId: conversation.id })}
            >
              {t('actions.transfer')}
            </HeaderAction>
          )}
          {can.resolve && !resolveOpen && (
            <HeaderAction
              shortcut="e"
              disabled={resolving}
              onClick={() => setResolveFormFor(conversation.id)}
            >
              {resolving ? t('actions.resolving') : t('actions.resolve')}
            </HeaderAction>
          )}
          <ExportMenu conversationId={conversation.id} />
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
      </div>
      <OthersActivity conversationId={conversation.id} variant="header" />
    </header>
  );
}
