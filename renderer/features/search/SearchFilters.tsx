// Environment: browser. Compact filters for a search: channel, status, tag, agent (from the roster) and a
// date range. Each control has its own accessible name; an empty choice means "any".
import { useTranslation } from 'react-i18next';
import { channelSchema, conversationStatusSchema } from '../../../shared/domain.js';
import { useDesk } from '../../store/use-desk.js';

export function SearchFilters() {
  const { t } = useTranslation();
  const filters = useDesk((state) => state.searchFilters);
  const setFilters = useDesk((state) => state.setSearchFilters);
  const agents = useDesk((state) => state.roster);
  const any = <option value="">{t('search.filter.any')}</option>;
  return (
    <fieldset className="search-filters" aria-label={t('search.filters')}>
      <select
        aria-label={t('search.filter.channel')}
        value={filters.channel ?? ''}
        onChange={(event) => setFilters({ channel: channelSchema.safeParse(event.target.value).data })}
      >
        {any}
        {channelSchema.options.map((channel) => (
          <option key={channel} value={channel}>
            {t(`channel.${channel}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('search.filter.status')}
        value={filters.status ?? ''}
        onChange={(event) =>
          setFilters({ status: conversationStatusSchema.safeParse(event.target.value).data })
        }
      >
        {any}
        {conversationStatusSchema.options.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('search.filter.agent')}
        value={filters.agentId ?? ''}
        onChange={(event) => setFilters({ agentId: event.target.value || undefined })}
      >
        {any}
        {agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.name}
          </option>
        ))}
      </select>
      <input
        type="text"
        aria-label={t('search.filter.tag')}
        placeholder={t('search.filter.tag')}
        value={filters.tag ?? ''}
        onChange={(event) => setFilters({ tag: event.target.value || undefined })}
      />
      <input
        type="date"
        aria-label={t('search.filter.from')}
        value={filters.fromDate ?? ''}
        onChange={(event) => setFilters({ fromDate: event.target.value || undefined })}
      />
      <input
        type="date"
        aria-label={t('search.filter.to')}
        value={filters.toDate ?? ''}
        onChange={(event) => setFilters({ toDate: event.target.value || undefined })}
      />
    </fieldset>
  );
}
