// Environment: browser. The monitor's numbers in words: durations for humans ("3 min 05 s"), shares as
// percentages ("75 %"), a dash for a figure that has no value yet.
import { t } from '../../i18n/t.js';

export const NO_VALUE = '—';

const pad = (value: number) => String(value).padStart(2, '0');

/** Whole seconds, largest two units: "42 s", "3 min 05 s", "1 h 05 min", "2 d 03 h". */
export function formatFigureDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return NO_VALUE;
  const total = Math.max(0, Math.floor(seconds));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (days > 0) return t('monitor.duration.days', { d: String(days), h: pad(hours) });
  if (hours > 0) return t('monitor.duration.hours', { h: String(hours), m: pad(minutes) });
  if (minutes > 0) return t('monitor.duration.minutes', { m: String(minutes), s: pad(rest) });
  return t('monitor.duration.seconds', { s: String(rest) });
}

/** A share from 0 to 1 as a whole percentage: "75 %". */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return NO_VALUE;
  return t('monitor.percent', { value: String(Math.round(share * 100)) });
}
