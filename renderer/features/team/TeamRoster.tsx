// Environment: browser. The team at the foot of the queue: each member with their presence in words and
// their load against capacity ("3/5"), online first.
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '../../../shared/team.js';
import { useDesk } from '../../store/use-desk.js';

const presenceOrder = { online: 0, away: 1, offline: 2 } as const;

export function sortRoster(roster: readonly TeamMember[]): TeamMember[] {
  return [...roster].sort(
    (a, b) => presenceOrder[a.presence] - presenceOrder[b.presence] || a.name.localeCompare(b.name),
  );
}

export function TeamRoster() {
  const { t } = useTranslation();
  const roster = useDesk((state) => state.roster);
  const myId = useDesk((state) => state.session?.account.id ?? null);
  return (
    <section className="team" aria-labelledby="team-heading">
      <h2 id="team-heading" className="team__title">
        {t('team.label')}
      </h2>
      {roster.length === 0 ? (
        <p className="team__empty">{t('team.empty')}</p>
      ) : (
        <ul className="team__list">
          {sortRoster(roster).map((member) => {
            const presence = t(`presence.${member.presence}`);
            const full = member.openCount >= member.capacity;
            return (
              <li key={member.id} className={`team-member team-member--${member.presence}`}>
                <span className="team-member__dot" aria-hidden="true" />
                <span className="team-member__name">
                  {member.id === myId ? t('team.you', { name: member.name }) : member.name}
                </span>
                <span className="team-member__presence">{presence}</span>
                <span
                  className={`team-member__load${full ? ' is-full' : ''}`}
                  title={t('team.loadLabel', {
                    open: String(member.openCount),
                    capacity: String(member.capacity),
                  })}
                >
                  {t('team.load', { open: String(member.openCount), capacity: String(member.capacity) })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
