// Environment: browser. The middle pane: header with actions, failures in words, the transcript, and the
// composer (only for the assignee) or what is needed before replying.
import { useState } from 'react';
import { t } from '../../i18n/t.js';
import { useDesk } from '../../store/use-desk.js';
import { SkeletonLines } from '../../components/Skeleton.js';
import { Composer } from './Composer.js';
import { ConversationHeader } from './ConversationHeader.js';
import { shopperDisplayName } from './display-names.js';
import { ResolveForm } from './ResolveForm.js';
import { Transcript } from './Transcript.js';

const NO_MESSAGES: never[] = [];

export function ConversationPane({
  shopperPanelOpen,
  onToggleShopperPanel,
}: {
  shopperPanelOpen: boolean;
  onToggleShopperPanel(): void;
}) {
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
  const myId = useDesk((state) => state.session?.account.id ?? null);
  const [resolveFor, setResolveFor] = useState<string | null>(null);

  if (!conversationId) {
    return (
      <main className="pane pane--conversation">
        <p className="empty-state empty-state--center">{t('conversation.none')}</p>
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
      </main>
    );
  }

  const mine = conversation.assignee?.id === myId;
  const resolveOpen = resolveFor === conversation.id && conversation.status === 'open';
  const shopperName = shopperDisplayName(conversation.shopper);

  return (
    <main className="pane pane--conversation" aria-label={shopperName}>
      <ConversationHeader
        conversation={conversation}
        resolveOpen={resolveOpen}
        onResolveClick={() => setResolveFor(conversation.id)}
        shopperPanelOpen={shopperPanelOpen}
        onToggleShopperPanel={onToggleShopperPanel}
      />
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
      {transcriptStatus?.state === 'error' && (
        <div role="alert" className="alert alert--error alert--inline">
          <p>{t('conversation.loadFailed', { message: transcriptStatus.message })}</p>
        </div>
      )}
      <Transcript
        conversation={conversation}
        messages={messages ?? NO_MESSAGES}
        loading={transcriptStatus?.state === 'loading'}
        myAgentId={myId}
      />
      <footer className="conversation-footer">
        {conversation.status === 'resolved' ? (
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
        ) : conversation.status === 'queued' ? (
          <p className="composer-placeholder">{t('composer.claimFirst')}</p>
        ) : mine ? (
          <>
            {resolveOpen && (
              <ResolveForm conversationId={conversation.id} onDone={() => setResolveFor(null)} />
            )}
            <Composer conversationId={conversation.id} shopperName={shopperName} />
          </>
        ) : (
          <p className="composer-placeholder">
            {t('composer.someoneElse', { name: conversation.assignee?.name ?? '' })}
          </p>
        )}
      </footer>
    </main>
  );
}
