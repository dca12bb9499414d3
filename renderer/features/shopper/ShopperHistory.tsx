// Environment: browser. The shopper's other conversations (by profile ID or email; click opens one) and their
// recent events from the stream, named as in the UI language (the seed's Swedish metric names in Swedish).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { metricDisplayNames, type MetricName } from '../../../shared/events.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { SkeletonLines } from '../../components/Skeleton.js';
import { uiLanguage } from '../../i18n/i18n.js';
import { useDesk, useDeskStore } from '../../store/use-desk.js';
import { reasonLabel, statusName } from '../conversation/display-names.js';

/** How many recent events to show (newest first). */
const MAX_EVENTS = 12;

export function metricName(metric: string): string {
  const names = metricDisplayNames[metric as MetricName] as { en: string; sv: string } | undefined;
  return names ? names[uiLanguage()] : metric;
}

export function ShopperHistory({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const store = useDeskStore();
  const history = useDesk((state) => state.historyByConversation[conversationId]);
  const status = useDesk((state) => state.conversationsById[conversationId]?.status);
  const loadShopperHistory = useDesk((state) => state.loadShopperHistory);

  // Opening the conversation loaded it; each status change since is a new event in the stream.
  const seenStatus = useRef(status);
  useEffect(() => {
    if (seenStatus.current === status) return;
    seenStatus.current = status;
    void loadShopperHistory(conversationId);
  }, [conversationId, status, loadShopperHistory]);

  const open = (id: string) => {
    const state = store.getState();
    if (history?.state === 'ready') {
      const known = history.conversations.find((conversation) => conversation.id === id);
      if (known) state.upsertConversation(known);
    }
    state.revealConversation(id);
  };

  if (!history || history.state === 'loading') {
    return (
      <section className="history" aria-busy="true">
        <h2 className="pane__title">{t('history.past')}</h2>
        <SkeletonLines count={3} />
      </section>
    );
  }
  if (history.state === 'error') {
    return (
      <section className="history">
        <h2 className="pane__title">{t('history.past')}</h2>
        <p className="history__error">{t('history.failed', { message: history.message })}</p>
      </section>
    );
  }

  const past = history.conversations
    .filter((conversation) => conversation.id !== conversationId)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const events = [...history.events].sort((a, b) => b.position - a.position).slice(0, MAX_EVENTS);

  return (
    <>
      {history.cached && <p className="history__cached">{t('history.cached')}</p>}
      <section className="history" aria-labelledby="history-past">
        <h2 id="history-past" className="pane__title">
          {t('history.past')}
        </h2>
        {past.length === 0 ? (
          <p className="history__none">{t('history.noPast')}</p>
        ) : (
          <ul className="history__list" aria-labelledby="history-past">
            {past.map((conversation) => (
              <li key={conversation.id}>
                <button type="button" className="history__item" onClick={() => open(conversation.id)}>
                  <span className="history__item-top">
                    <span className={`chip chip--status chip--${conversation.status}`}>
                      {statusName(conversation)}
                    </span>
                    <RelativeTime
                      iso={conversation.escalatedAt ?? conversation.createdAt}
                      className="history__time"
                    />
                  </span>
                  <span className="history__item-text">
                    {conversation.escalation
                      ? reasonLabel(conversation.escalation.reason)
                      : conversation.lastMessagePreview}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="history" aria-labelledby="history-events">
        <h2 id="history-events" className="pane__title">
          {t('history.events')}
        </h2>
        {events.length === 0 ? (
          <p className="history__none">{t('history.noEvents')}</p>
        ) : (
          <ol className="events" aria-labelledby="history-events">
            {events.map((event) => (
              <li key={event.id} className="events__item">
                <span className="events__metric">{metricName(event.metric)}</span>
                <RelativeTime iso={event.time} className="events__time" />
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
