// Environment: browser. The shopper's segments at a glance ("Recently escalated", "Got a recommendation, no
// order since"), from the same answer as the shopper's history: live when connected, else the last known copy,
// marked as such. Refresh asks the hub again (membership changes as events arrive).
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../store/use-desk.js';
import { segmentName } from '../segments/segment-names.js';
import { SkeletonLines } from '../../components/Skeleton.js';

export function ShopperSegments({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const history = useDesk((state) => state.historyByConversation[conversationId]);
  const loadShopperHistory = useDesk((state) => state.loadShopperHistory);
  const loading = !history || history.state === 'loading';

  return (
    <section className="segments" aria-labelledby="shopper-segments" aria-busy={loading}>
      <div className="segments__heading">
        <h2 id="shopper-segments" className="pane__title">
          {t('segments.title')}
        </h2>
        <button
          type="button"
          className="button button--ghost button--small"
          disabled={loading}
          onClick={() => void loadShopperHistory(conversationId)}
        >
          {t('segments.refresh')}
        </button>
      </div>
      {loading ? (
        <SkeletonLines count={1} />
      ) : history.state === 'error' ? (
        // ShopperHistory below says why; this section only says it has nothing to show.
        <p className="history__none">{t('segments.none')}</p>
      ) : (
        <>
          {history.cached && <p className="segments__cached">{t('segments.cached')}</p>}
          {history.segments.length === 0 ? (
            <p className="history__none">{t('segments.none')}</p>
          ) : (
            <ul className="segments__list" aria-label={t('segments.shopperLabel')}>
              {history.segments.map((segment) => (
                <li key={segment.id} className={`chip chip--segment chip--segment-${segment.id}`}>
                  {segmentName(segment)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
