// Environment: browser. How long a shopper has waited, ticking every second, coloured by the row's standing
// against its first-response target (amber near it, red past it).
import { formatAbsolute, formatDuration } from '../../i18n/format.js';
import { useTranslation } from 'react-i18next';
import type { SlaState } from '../../../shared/monitor.js';
import { useNow } from '../../components/use-now.js';

export function WaitingTime({ since, unclaimed, sla }: { since: string; unclaimed: boolean; sla: SlaState }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const waited = now - Date.parse(since);
  return (
    <time className={`waiting waiting--${sla}`} dateTime={since} title={formatAbsolute(since)}>
      {unclaimed ? t('queue.waiting', { duration: formatDuration(waited) }) : formatDuration(waited)}
    </time>
  );
}
