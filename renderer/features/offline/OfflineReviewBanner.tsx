// Environment: browser. Offline review, said plainly across the desk: the agent reads this computer's cached
// copy and whatever they do waits here. It goes away by itself once the console is live again.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../store/use-desk.js';

export function OfflineReviewBanner() {
  const { t } = useTranslation();
  const reviewing = useDesk((state) => state.offlineReview);
  const titleId = useId();
  if (!reviewing) return null;
  return (
    <div className="banner banner--offline" role="note" aria-labelledby={titleId}>
      <strong id={titleId} className="banner__title">
        {t('offlineReview.title')}
      </strong>
      <p>{t('offlineReview.text')}</p>
    </div>
  );
}
