// Environment: browser. The monitor's figures: the queue now (waiting, oldest wait counting up live, agents
// online, SLA) and today (handoffs, resolution rate, routed to team, response and resolution times). Each is
// `data-figure="<key>"` with its label and a `[data-value]` (tests and screen readers read both).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorSnapshot } from '../../../shared/monitor.js';
import { useNow } from '../../components/use-now.js';
import type { MessageKey } from '../../i18n/en.js';
import { formatFigureDuration, formatShare, NO_VALUE } from './monitor-format.js';

function Figure({
  figure,
  label,
  tone,
  children,
}: {
  figure: string;
  label: MessageKey;
  tone?: 'near' | 'breached' | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={`figure${tone ? ` figure--${tone}` : ''}`} data-figure={figure}>
      <dt className="figure__label">{t(label)}</dt>
      <dd className="figure__value" data-value>
        {children}
      </dd>
    </div>
  );
}

/** Counts up every second from the earliest handoff still waiting. */
function OldestWait({ since }: { since: string | null }) {
  const now = useNow(1000);
  if (since === null) return <>{NO_VALUE}</>;
  return <time dateTime={since}>{formatFigureDuration((now - Date.parse(since)) / 1000)}</time>;
}

export function MonitorFigures({ monitor }: { monitor: MonitorSnapshot }) {
  const { t } = useTranslation();
  return (
    <div className="monitor__figures">
      <section className="figure-group" aria-labelledby="monitor-now">
        <h2 id="monitor-now" className="monitor__subheading">
          {t('monitor.now')}
        </h2>
        <dl className="figure-grid">
          <Figure figure="waiting" label="monitor.figure.waiting">
            {monitor.waiting}
          </Figure>
          <Figure figure="oldest_wait" label="monitor.figure.oldestWait">
            <OldestWait since={monitor.oldestWaitingSince} />
          </Figure>
          <Figure figure="agents_online" label="monitor.figure.agentsOnline">
            {monitor.agentsOnline}
          </Figure>
          <Figure
            figure="sla_near"
            label="monitor.figure.slaNear"
            tone={monitor.sla.near > 0 ? 'near' : null}
          >
            {monitor.sla.near}
          </Figure>
          <Figure
            figure="sla_breached"
            label="monitor.figure.slaBreached"
            tone={monitor.sla.breached > 0 ? 'breached' : null}
          >
            {monitor.sla.breached}
          </Figure>
        </dl>
      </section>
      <section className="figure-group" aria-labelledby="monitor-today">
        <h2 id="monitor-today" className="monitor__subheading">
          {t('monitor.today')}
        </h2>
        <dl className="figure-grid">
          <Figure figure="handoffs_today" label="monitor.figure.handoffsToday">
            {monitor.handoffsToday}
          </Figure>
          <Figure figure="resolution_rate" label="monitor.figure.resolutionRate">
            {formatShare(monitor.resolutionRate)}
          </Figure>
          <Figure figure="routed_to_team" label="monitor.figure.routedToTeam">
            {formatShare(monitor.routedToTeam)}
          </Figure>
          <Figure figure="first_response_median" label="monitor.figure.firstResponseMedian">
            {formatFigureDuration(monitor.firstResponse.medianSeconds)}
          </Figure>
          <Figure figure="first_response_p90" label="monitor.figure.firstResponseP90">
            {formatFigureDuration(monitor.firstResponse.p90Seconds)}
          </Figure>
          <Figure figure="resolution_median" label="monitor.figure.resolutionMedian">
            {formatFigureDuration(monitor.resolution.medianSeconds)}
          </Figure>
          <Figure figure="resolution_p90" label="monitor.figure.resolutionP90">
            {formatFigureDuration(monitor.resolution.p90Seconds)}
          </Figure>
        </dl>
      </section>
    </div>
  );
}
