// Environment: browser. The middle pane: header with actions and who else is here, failures in words, the
// status banner (pending, snoozed), the transcript, and the composer (reply for the assignee, notes for all).
import { useTranslation } from 'react-i18next';
import { SkeletonLines } from '../../components/Skeleton.js';
import { formatDateTimeShort } from '../../i18n/format.js';
import { abilitiesWhile, watchingIn } from '../../store/watching.js';
import { useDesk } from '../../store/use-desk.js';
import { Composer } from '../composer/Composer.js';
import { NotAppliedList } from '../offline/NotAppliedList.js';
import { RemovedConversationNotice } from '../offline/RemovedConversationNotice.js';
import { ConversationHeader } from './ConversationHeader.js';
import { shopperDisplayName } from './display-names.js';
import { ResolveForm } from './ResolveForm.js';
import { Transcript } from './Transcript.js';
import { WatchingBanner } from './WatchingBanner.js';

const NO_MESSAGES: never[] = [];

export function ConversationPane({
  shopperPanelOpen,
  onToggleShopperPanel,
}: {
  shopperPanelOpen: boolean;
  onToggleShopperPanel(): void;
}) {
  const { t } = useTranslation();
  const conversationId = useDesk((state) => state.selectedConversationId);
  const conversation = useDesk((state) =>
    conversationId ? state.conversationsById[conversationId] : undefined,
  );
  const messages = useDesk((state) =>
    conversationId ? state.messagesByConversation[conversationId] : undefined,
  );
  const transcriptStatus = useDesk((state) =>
    conversationId ? state.transcriptStatus[conversationId] : undefined,
  );
  const actionError = useDesk((state) =>
    conversationId ? state.actionsByConversation[conversationId]?.error : null,
  );
  const dismissError = useDesk((state) => state.dismissActionError);
  const account = useDesk((state) => state.session?.account);
  const resolveOpen = useDesk(
    (state) => state.resolveFormFor !== null && state.resolveFormFor === conversationId,
  );
  const setResolveFormFor = useDesk((state) => state.setResolveFormFor);
  const queued = useDesk((state) =>
    conversationId
      ? state.connection.status !== 'online' && (state.actionsByConversation[conversationId]?.queued ?? false)
      : false,
  );
  const removedNotice = useDesk((state) => state.removedNotice);
  const watching = useDesk((state) => (conversationId ? watchingIn(state, conversationId) : false));

  if (!conversationId) {
    return (
      <main className="pane pane--conversation">
        {removedNotice ? (
          <>
            <RemovedConversationNotice notice={removedNotice} />
            <NotAppliedList conversationId={removedNotice.conversationId} canEdit={false} />
          </>
        ) : (
          <p className="empty-state empty-state--center">{t('conversation.none')}</p>
        )}
      </main>
    );
  }
  if (!conversation) {
    return (
      <main className="pane pane--conversation">
        {transcriptStatus?.state === 'loading' ? (
          <SkeletonLines count={6} className="transcript-skeleton" />
        ) : (
          <p className="empty-state empty-state--center">
            {transcriptStatus?.state === 'error'
              ? t('conversation.loadFailed', { message: transcriptStatus.message })
              : t('conversation.notFound')}
          </p>
        )}
        {/* Refused actions outlive their conversation: what the agent wrote stays reachable. */}
        <NotAppliedList conversationId={conversationId} canEdit={false} />
      </main>
    );
  }

  const can = abilitiesWhile(conversation, account, watching);
  const shopperName = shopperDisplayName(conversation.shopper);

  return (
    <main className="pane pane--conversation" aria-label={shopperName}>
      <ConversationHeader
        conversation={conversation}
        shopperPanelOpen={shopperPanelOpen}
        onToggleShopperPanel={onToggleShopperPanel}
        watching={watching}
      />
      {watching && <WatchingBanner conversation={conversation} />}
      {actionError && (
        <div role="alert" className="alert alert--error alert--inline">
          <p>{actionError}</p>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => dismissError(conversation.id)}
          >
            {t('actions.dismiss')}
          </button>
        </div>
      )}
      <NotAppliedList conversationId={conversation.id} canEdit={can.note} />
      {queued && (
        <p className="status-banner status-banner--queued" role="status">
          {t('actions.queuedOffline')}
        </p>
      )}
      {transcriptStatus?.state === 'error' && (
        <div role="alert" className="alert alert--error alert--inline">
          <p>{t('conversation.loadFailed', { message: transcriptStatus.message })}</p>
        </div>
      )}
      {conversation.status === 'pending' && (
        <p className="status-banner status-banner--pending">{t('conversation.pendingBanner')}</p>
      )}
      {conversation.status === 'snoozed' && conversation.snoozedUntil && (
        <p className="status-banner status-banner--snoozed">
          {t('conversation.snoozedBanner', { time: formatDateTimeShort(conversation.snoozedUntil) })}
        </p>
      )}
      <Transcript
        conversation={conversation}
        messages={messages ?? NO_MESSAGES}
        loading={transcriptStatus?.state === 'loading'}
        myAgentId={account?.id ?? null}
      />
      <footer className="conversation-footer">
        {conversation.status === 'resolved' && (
          <div className="resolved-banner" data-status="resolved">
            <strong>{t('conversation.resolved')}</strong>
            {conversation.resolutionTags.length > 0 && (
              <ul className="tag-list" aria-label={t('actions.tags')}>
                {conversation.resolutionTags.map((tag) => (
                  <li key={tag} className="chip chip--tag">
                    {tag}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {conversation.status === 'queued' && !watching && (
          <p className="composer-placeholder">{t('composer.claimFirst')}</p>
        )}
        {conversation.status !== 'queued' &&
          conversation.status !== 'resolved' &&
          !can.reply &&
          !watching && (
            <p className="composer-placeholder">
              {t('composer.someoneElse', { name: conversation.assignee?.name ?? '' })}
            </p>
          )}
        {resolveOpen && can.resolve && (
          <ResolveForm conversationId={conversation.id} onDone={() => setResolveFormFor(null)} />
        )}
        {can.note && (
          <Composer
            key={conversation.id}
            conversation={conversation}
            canReply={can.reply}
            shopperName={shopperName}
          />
        )}
      </footer>
    </main>
  );
}
