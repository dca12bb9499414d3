// Environment: browser. How long a shopper has waited, ticking every second, coloured against the SLA.
import { formatAbsolute, formatDuration } from '../../i18n/format.js';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../components/use-now.js';
import { slaLevel } from '../../store/sla.js';

export function WaitingTime({ since, unclaimed }: { since: string; unclaimed: boolean }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const waited = now - Date.parse(since);
  // The SLA only runs while nobody has claimed the conversation.
  const level = unclaimed ? slaLevel(waited) : 'ok';
  return (
    <time
      className={`waiting waiting--${level}`}
      dateTime={since}
      title={formatAbsolute(since)}
      data-sla={level}
    >
      {unclaimed ? t('queue.waiting', { duration: formatDuration(waited) }) : formatDuration(waited)}
    </time>
  );
}
