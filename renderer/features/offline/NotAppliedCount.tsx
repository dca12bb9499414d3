// Environment: browser. Always in the top bar while the hub has refused actions the agent has not dismissed:
// how many, and a way to them (the oldest one's conversation, where the "Not applied" list is).
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../store/use-desk.js';

export function NotAppliedCount() {
  const { t } = useTranslation();
  const count = useDesk((state) => state.failedActions.length);
  const oldest = useDesk((state) => state.failedActions[0]?.conversationId ?? null);
  const reveal = useDesk((state) => state.revealConversation);
  if (count === 0 || !oldest) return null;
  return (
    <button
      type="button"
      className="button not-applied-count"
      title={t('notApplied.countHint')}
      onClick={() => reveal(oldest)}
    >
      <span className="not-applied-count__mark" aria-hidden="true">
        !
      </span>
      {t('notApplied.count', { count })}
    </button>
  );
}
