// Environment: browser. Today's handoffs by channel and by escalation reason: which channels are busy, and
// which knowledge gaps send shoppers to people (the seed advises filling exactly those).
import { useTranslation } from 'react-i18next';
import type { MonitorSnapshot } from '../../../shared/monitor.js';
import { channelName, reasonLabel } from '../conversation/display-names.js';

export function ByChannelTable({ rows }: { rows: MonitorSnapshot['byChannel'] }) {
  const { t } = useTranslation();
  return (
    <table className="monitor-table">
      <caption>{t('monitor.byChannel')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('monitor.byChannel.channel')}</th>
          <th scope="col" className="num">
            {t('monitor.handoffsToday')}
          </th>
          <th scope="col" className="num">
            {t('monitor.byChannel.waiting')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.channel}>
            <th scope="row">{channelName(row.channel)}</th>
            <td className="num">{row.handoffsToday}</td>
            <td className="num">{row.waiting}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ByReasonTable({ rows, total }: { rows: MonitorSnapshot['byReason']; total: number }) {
  const { t } = useTranslation();
  return (
    <table className="monitor-table">
      <caption>{t('monitor.byReason')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('monitor.byReason.reason')}</th>
          <th scope="col" className="num">
            {t('monitor.handoffsToday')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={2} className="monitor-table__empty">
              {t('monitor.byReason.none')}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.reason}>
              <th scope="row" className="monitor-table__reason">
                {/* A bar behind the words: the biggest gaps stand out at a glance. */}
                <span
                  className="share-bar"
                  style={{ width: `${total > 0 ? Math.round((row.handoffsToday / total) * 100) : 0}%` }}
                  aria-hidden="true"
                />
                <span className="share-bar__label">{reasonLabel(row.reason)}</span>
              </th>
              <td className="num">{row.handoffsToday}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
