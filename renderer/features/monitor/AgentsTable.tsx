// Environment: browser. The team as the monitor sees it: presence, load against capacity, conversations
// handled today and their median first response. Online first, then by name.
import { useTranslation } from 'react-i18next';
import type { MonitorAgent } from '../../../shared/monitor.js';
import { formatFigureDuration } from './monitor-format.js';

const presenceOrder = { online: 0, away: 1, offline: 2 } as const;

export function sortAgents(agents: readonly MonitorAgent[]): MonitorAgent[] {
  return [...agents].sort(
    (a, b) => presenceOrder[a.presence] - presenceOrder[b.presence] || a.name.localeCompare(b.name),
  );
}

export function AgentsTable({ agents }: { agents: readonly MonitorAgent[] }) {
  const { t } = useTranslation();
  return (
    <table className="monitor-table">
      <caption>{t('monitor.agents')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('monitor.agents.agent')}</th>
          <th scope="col">{t('monitor.agents.presence')}</th>
          <th scope="col" className="num">
            {t('monitor.agents.load')}
          </th>
          <th scope="col" className="num">
            {t('monitor.agents.handledToday')}
          </th>
          <th scope="col" className="num">
            {t('monitor.agents.firstResponse')}
          </th>
        </tr>
      </thead>
      <tbody>
        {agents.length === 0 ? (
          <tr>
            <td colSpan={5} className="monitor-table__empty">
              {t('monitor.agents.none')}
            </td>
          </tr>
        ) : (
          sortAgents(agents).map((agent) => (
            <tr key={agent.id}>
              <th scope="row">
                {agent.role === 'lead' ? t('monitor.agents.lead', { name: agent.name }) : agent.name}
              </th>
              <td>
                <span className={`presence-dot presence-dot--${agent.presence}`} aria-hidden="true" />
                {t(`presence.${agent.presence}`)}
              </td>
              <td className={`num${agent.openCount >= agent.capacity ? ' is-full' : ''}`}>
                {t('monitor.load', { open: String(agent.openCount), capacity: String(agent.capacity) })}
              </td>
              <td className="num">{agent.handledToday}</td>
              <td className="num">{formatFigureDuration(agent.firstResponseToday.medianSeconds)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
