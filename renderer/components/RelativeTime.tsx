// Environment: browser. A time shown relative ("3 minutes ago") with the absolute time on hover, in the UI
// language (useTranslation re-renders it when the language changes).
import { useTranslation } from 'react-i18next';
import { formatAbsolute, formatRelative } from '../i18n/format.js';
import { useNow } from './use-now.js';

export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  useTranslation();
  const now = useNow(15_000);
  return (
    <time className={className} dateTime={iso} title={formatAbsolute(iso)}>
      {formatRelative(iso, now)}
    </time>
  );
}
