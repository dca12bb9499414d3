// Environment: browser. Office hours: on/off, the time zone they are in, and the open hours per weekday
// (a day without hours is closed).
import { useTranslation } from 'react-i18next';
import type { OfficeHours } from '../../../shared/settings.js';
import { weekdayName } from '../../i18n/format.js';
import { setDayPeriod } from './settings-draft.js';
import { WEEKDAYS } from './weekdays.js';

const DEFAULT_PERIOD = { start: '09:00', end: '17:00' };

export function OfficeHoursEditor({
  value,
  onChange,
}: {
  value: OfficeHours;
  onChange(next: OfficeHours): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="office-hours">
      <label className="check">
        <input
          type="checkbox"
          checked={value.enabled}
          onChange={(event) => onChange({ ...value, enabled: event.target.checked })}
        />
        <span>{t('settings.officeHours')}</span>
      </label>
      <label className="field field--row">
        <span className="field__label">{t('settings.timeZone')}</span>
        <input
          type="text"
          value={value.timeZone}
          spellCheck={false}
          onChange={(event) => onChange({ ...value, timeZone: event.target.value })}
        />
      </label>
      <fieldset className="office-hours__days">
        <legend className="field__label">{t('settings.openPeriods')}</legend>
        {WEEKDAYS.map((day, index) => {
          const name = weekdayName(index);
          const period = value.periods.find((p) => p.day === day);
          const set = (next: { start: string; end: string } | null) =>
            onChange({ ...value, periods: setDayPeriod(value.periods, day, next) });
          return (
            <div key={day} className="office-hours__day">
              <label className="check">
                <input
                  type="checkbox"
                  checked={Boolean(period)}
                  aria-label={t('settings.dayOpen', { day: name })}
                  onChange={(event) => set(event.target.checked ? DEFAULT_PERIOD : null)}
                />
                <span aria-hidden="true">{name}</span>
              </label>
              {period ? (
                <span className="office-hours__times">
                  <input
                    type="time"
                    value={period.start}
                    aria-label={t('settings.opens', { day: name })}
                    onChange={(event) => set({ start: event.target.value, end: period.end })}
                  />
                  <span aria-hidden="true">–</span>
                  <input
                    type="time"
                    value={period.end}
                    aria-label={t('settings.closes', { day: name })}
                    onChange={(event) => set({ start: period.start, end: event.target.value })}
                  />
                </span>
              ) : (
                <span className="office-hours__closed">{t('settings.closed')}</span>
              )}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
