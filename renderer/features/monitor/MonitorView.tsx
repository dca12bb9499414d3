// Environment: browser. The team lead's queue monitor, in place of the desk's panes (loaded only when a lead
// opens it, so agents never load the chart code). Live figures as the hub pushes them; when they are not live
// (connection lost, not arrived yet) it says so and shows none, never stale numbers.
import { useTranslation } from 'react-i18next';
import type { MonitorSnapshot } from '../../../shared/monitor.js';
import { SkeletonLines } from '../../components/Skeleton.js';
import { formatAbsolute, formatClock } from '../../i18n/format.js';
import { useDesk } from '../../store/use-desk.js';
import { AgentsTable } from './AgentsTable.js';
import { ByChannelTable, ByReasonTable } from './BreakdownTables.js';
import { ExportCsvForm } from './ExportCsvForm.js';
import { HourlyCharts } from './HourlyCharts.js';
import { MonitorFigures } from './MonitorFigures.js';
import { SlaList } from './SlaList.js';
import '../../styles/monitor.css';

function LiveFigures({ monitor }: { monitor: MonitorSnapshot }) {
  return (
    <>
      <MonitorFigures monitor={monitor} />
      <div className="monitor__columns">
        <SlaList items={monitor.sla.conversations} />
        <div className="monitor-card">
          <AgentsTable agents={monitor.agents} />
        </div>
      </div>
      <HourlyCharts hourly={monitor.hourly} />
      <div className="monitor__columns">
        <div className="monitor-card">
          <ByChannelTable rows={monitor.byChannel} />
        </div>
        <div className="monitor-card">
          <ByReasonTable rows={monitor.byReason} total={monitor.handoffsToday} />
        </div>
      </div>
    </>
  );
}

export default function MonitorView() {
  const { t } = useTranslation();
  const monitor = useDesk((state) => state.monitor);
  const status = useDesk((state) => state.connection.status);
  const setView = useDesk((state) => state.setView);

  return (
    <main className="monitor" aria-labelledby="monitor-heading">
      <header className="monitor__header">
        <div className="monitor__title">
          <h1 id="monitor-heading">{t('monitor.title')}</h1>
          {monitor ? (
            <p className="monitor__live" data-live="true">
              <span className="live-dot" aria-hidden="true" />
              {t('monitor.live')}
              <span aria-hidden="true">·</span>
              <time dateTime={monitor.computedAt} title={formatAbsolute(monitor.computedAt)}>
                {t('monitor.updatedAt', { time: formatClock(monitor.computedAt) })}
              </time>
            </p>
          ) : null}
        </div>
        <ExportCsvForm />
        <button type="button" className="button button--ghost" onClick={() => setView('desk')}>
          {t('monitor.back')}
        </button>
      </header>
      <div className="monitor__body">
        {monitor ? (
          <LiveFigures monitor={monitor} />
        ) : status === 'online' ? (
          // Connected but the first push has not arrived: the shape of what is coming, no numbers.
          <div aria-busy="true" aria-label={t('monitor.loading')} className="monitor__loading">
            <SkeletonLines count={6} />
          </div>
        ) : (
          <div role="status" className="monitor__not-live" data-live="false">
            <h2>{t('monitor.notLive')}</h2>
            <p>{t('monitor.notLiveText')}</p>
          </div>
        )}
      </div>
    </main>
  );
}
