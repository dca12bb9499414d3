// Environment: browser. Where the open conversation was, after the desk core dropped it (erased on the hub, or
// past this computer's retention): what happened, and whatever the agent had typed in it, to copy.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyTextButton } from '../../components/CopyTextButton.js';
import type { RemovedConversationNotice as Notice } from '../../store/cache-slice.js';
import { useDesk } from '../../store/use-desk.js';
import { shopperDisplayName } from '../conversation/display-names.js';

export function RemovedConversationNotice({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const dismiss = useDesk((state) => state.dismissRemovedNotice);
  const draftRef = useRef<HTMLParagraphElement>(null);
  return (
    <div className="removed-notice" role="status">
      <p>
        {notice.shopper
          ? t('conversation.removed', { name: shopperDisplayName(notice.shopper) })
          : t('conversation.removedUnnamed')}
      </p>
      {notice.draft !== null && (
        <>
          <p className="removed-notice__label">{t('conversation.removedDraft')}</p>
          <p ref={draftRef} className="removed-notice__draft">
            {notice.draft}
          </p>
        </>
      )}
      <div className="removed-notice__buttons">
        {notice.draft !== null && <CopyTextButton text={notice.draft} source={draftRef} />}
        <button type="button" className="button button--ghost" onClick={dismiss}>
          {t('actions.dismiss')}
        </button>
      </div>
    </div>
  );
}
