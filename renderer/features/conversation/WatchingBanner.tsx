// Environment: browser. A lead watching someone else's conversation (or one opened from the monitor): read-only,
// said plainly, with the two things a lead does from here: reassign it or put it back in the queue.
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../shared/domain.js';
import { useDesk } from '../../store/use-desk.js';
import { watchingActionsFor } from '../../store/watching.js';

export function WatchingBanner({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const openDialog = useDesk((state) => state.openDialog);
  const transfer = useDesk((state) => state.transfer);
  const moving = useDesk((state) => state.actionsByConversation[conversation.id]?.moving ?? false);
  const actions = watchingActionsFor(conversation);
  return (
    <section className="watching-banner" aria-labelledby="watching-title" data-watching="true">
      <div className="watching-banner__text">
        <strong id="watching-title">{t('watching.title')}</strong>
        <span>
          {conversation.assignee
            ? t('watching.withAgent', { name: conversation.assignee.name })
            : t('watching.unclaimed')}
        </span>
      </div>
      {actions.reassign && (
        <div className="watching-banner__actions">
          <button
            type="button"
            className="button"
            disabled={moving}
            aria-keyshortcuts="t"
            onClick={() => openDialog({ kind: 'transfer', conversationId: conversation.id })}
          >
            {t('watching.reassign')}
          </button>
          <button
            type="button"
            className="button"
            // Already in the queue: nothing to put back (an offline one waits in the outbox).
            disabled={!actions.putBack || moving}
            title={conversation.assignee === null ? t('watching.alreadyQueued') : undefined}
            aria-busy={moving}
            onClick={() => void transfer(conversation.id, null)}
          >
            {t('watching.putBack')}
          </button>
        </div>
      )}
    </section>
  );
}
