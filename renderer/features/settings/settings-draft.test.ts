import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsPatchSchema } from '../../../shared/settings.js';
import { draftProblems, setDayPeriod, settingsPatch } from './settings-draft.js';

describe('team settings form', () => {
  it('sends only what changed, and the patch passes the contract', () => {
    const draft = {
      ...DEFAULT_SETTINGS,
      autoAssign: true,
      defaultCapacity: 3,
      officeHours: { ...DEFAULT_SETTINGS.officeHours, enabled: true },
    };
    const patch = settingsPatch(DEFAULT_SETTINGS, draft);
    expect(patch).toEqual({ autoAssign: true, defaultCapacity: 3, officeHours: draft.officeHours });
    expect(settingsPatchSchema.safeParse(patch).success).toBe(true);
    expect(settingsPatch(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS })).toEqual({});
  });

  it('finds out-of-range numbers, empty messages, unknown time zones and backwards hours', () => {
    const problems = draftProblems({
      ...DEFAULT_SETTINGS,
      defaultCapacity: 0,
      awayAfterIdleMinutes: Number.NaN,
      autoResponseMessage: '  ',
      officeHours: {
        enabled: true,
        timeZone: 'Europe/Atlantis',
        periods: [{ day: 'tue', start: '17:00', end: '09:00' }],
      },
    });
    expect(problems).toEqual([
      { kind: 'range', field: 'defaultCapacity', min: 1, max: 100 },
      { kind: 'range', field: 'awayAfterIdleMinutes', min: 1, max: 480 },
      { kind: 'required', field: 'autoResponseMessage' },
      { kind: 'timeZone', zone: 'Europe/Atlantis' },
      { kind: 'period', day: 'tue' },
    ]);
    expect(draftProblems(DEFAULT_SETTINGS)).toEqual([]);
  });

  it('checks the first-response targets and the near-target share as the schema does', () => {
    const draft = {
      ...DEFAULT_SETTINGS,
      firstResponseTargetMinutes: { ...DEFAULT_SETTINGS.firstResponseTargetMinutes, sms: 0, email: 10_081 },
      slaWarningPercent: 100,
    };
    expect(draftProblems(draft)).toEqual([
      { kind: 'range', field: 'firstResponseTargetMinutes.sms', min: 1, max: 10_080 },
      { kind: 'range', field: 'firstResponseTargetMinutes.email', min: 1, max: 10_080 },
      { kind: 'range', field: 'slaWarningPercent', min: 10, max: 99 },
    ]);
    expect(
      draftProblems({
        ...DEFAULT_SETTINGS,
        firstResponseTargetMinutes: { ...DEFAULT_SETTINGS.firstResponseTargetMinutes, whatsapp: 2.5 },
        slaWarningPercent: Number.NaN,
      }).map((problem) => (problem.kind === 'range' ? problem.field : problem.kind)),
    ).toEqual(['firstResponseTargetMinutes.whatsapp', 'slaWarningPercent']);
    const fine = {
      ...DEFAULT_SETTINGS,
      firstResponseTargetMinutes: { ...DEFAULT_SETTINGS.firstResponseTargetMinutes, sms: 1 },
      slaWarningPercent: 10,
    };
    expect(draftProblems(fine)).toEqual([]);
    const patch = settingsPatch(DEFAULT_SETTINGS, fine);
    expect(patch).toEqual({
      firstResponseTargetMinutes: fine.firstResponseTargetMinutes,
      slaWarningPercent: 10,
    });
    expect(settingsPatchSchema.safeParse(patch).success).toBe(true);
  });

  it('edits one day’s hours, keeps the week in order and a day’s extra periods', () => {
    const periods = [
      { day: 'mon' as const, start: '08:00', end: '12:00' },
      { day: 'mon' as const, start: '13:00', end: '17:00' },
      { day: 'wed' as const, start: '08:00', end: '17:00' },
    ];
    expect(setDayPeriod(periods, 'sat', { start: '10:00', end: '14:00' }).map((p) => p.day)).toEqual([
      'mon',
      'mon',
      'wed',
      'sat',
    ]);
    expect(setDayPeriod(periods, 'mon', { start: '09:00', end: '12:00' })).toEqual([
      { day: 'mon', start: '09:00', end: '12:00' },
      { day: 'mon', start: '13:00', end: '17:00' },
      { day: 'wed', start: '08:00', end: '17:00' },
    ]);
    expect(setDayPeriod(periods, 'mon', null)).toEqual([{ day: 'wed', start: '08:00', end: '17:00' }]);
  });
});
