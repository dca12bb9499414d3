// Environment: browser. Settings values in words for the audit log (on/off, the handoff method's name, office
// hours as "Mon 08:00–17:00, …"), in the UI language.
import { officeHoursSchema, hubSettingsSchema } from '../../../shared/settings.js';
import { ALL_CHANNELS } from '../../../shared/monitor.js';
import { channelName } from '../conversation/display-names.js';
import type { MessageKey } from '../../i18n/en.js';
import { weekdayName } from '../../i18n/format.js';
import { t } from '../../i18n/t.js';
import { WEEKDAYS } from './weekdays.js';

const MAX_TEXT = 80;

export function auditFieldName(field: string): string {
  const key = `settings.field.${field}`;
  return t(key as MessageKey, { defaultValue: field });
}

export function auditValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('settings.value.on') : t('settings.value.off');
  if (field === 'handoffMode') {
    return value === 'do_not_hand_off' ? t('settings.method.doNotHandOff') : t('settings.method.helpdesk');
  }
  if (field === 'officeHours') {
    const parsed = officeHoursSchema.safeParse(value);
    if (parsed.success) {
      const hours = parsed.data.periods
        .map((p) => `${weekdayName(WEEKDAYS.indexOf(p.day), 'short')} ${p.start}–${p.end}`)
        .join(', ');
      return [
        parsed.data.enabled ? t('settings.value.on') : t('settings.value.off'),
        parsed.data.timeZone,
        hours,
      ]
        .filter(Boolean)
        .join(' · ');
    }
  }
  if (field === 'firstResponseTargetMinutes') {
    const parsed = hubSettingsSchema.shape.firstResponseTargetMinutes.safeParse(value);
    if (parsed.success) {
      return ALL_CHANNELS.map((channel) =>
        t('settings.value.target', { channel: channelName(channel), minutes: String(parsed.data[channel]) }),
      ).join(' · ');
    }
  }
  if (field === 'slaWarningPercent' && typeof value === 'number') {
    return t('monitor.percent', { value: String(value) });
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}
