// Environment: any. The team settings form's logic: which fields changed (the patch to send), and checks in
// the agent's language before the hub sees them (the hub validates again).
import type { Channel } from '../../../shared/domain.js';
import { ALL_CHANNELS } from '../../../shared/monitor.js';
import type { HubSettings, SettingsPatch, Weekday } from '../../../shared/settings.js';
import { WEEKDAYS } from './weekdays.js';

/** Only the fields that differ, so the audit log records exactly what the lead changed. */
export function settingsPatch(current: HubSettings, draft: HubSettings): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as (keyof HubSettings)[]) {
    if (JSON.stringify(draft[key]) !== JSON.stringify(current[key])) patch[key] = draft[key];
  }
  return patch as SettingsPatch;
}

/** A first-response target's field, per channel. */
export type TargetField = `firstResponseTargetMinutes.${Channel}`;

export type RangeField =
  'defaultCapacity' | 'reminderAfterMinutes' | 'awayAfterIdleMinutes' | 'slaWarningPercent' | TargetField;

export type DraftProblem =
  | { kind: 'range'; field: RangeField; min: number; max: number }
  | { kind: 'required'; field: 'doNotHandOffMessage' | 'autoResponseMessage' | 'timeZone' }
  | { kind: 'timeZone'; zone: string }
  | { kind: 'period'; day: Weekday };

const RANGES = {
  defaultCapacity: [1, 100],
  reminderAfterMinutes: [1, 1440],
  awayAfterIdleMinutes: [1, 480],
} as const;

/** As hubSettingsSchema has them: a target from a minute to a week, near after 10–99 % of it. */
export const TARGET_RANGE = [1, 10_080] as const;
export const WARNING_PERCENT_RANGE = [10, 99] as const;

function outOfRange(value: number, [min, max]: readonly [number, number]): boolean {
  return !Number.isInteger(value) || value < min || value > max;
}

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function draftProblems(draft: HubSettings): DraftProblem[] {
  const problems: DraftProblem[] = [];
  for (const [field, [min, max]] of Object.entries(RANGES) as [
    keyof typeof RANGES,
    readonly [number, number],
  ][]) {
    if (outOfRange(draft[field], [min, max])) problems.push({ kind: 'range', field, min, max });
  }
  for (const channel of ALL_CHANNELS) {
    if (outOfRange(draft.firstResponseTargetMinutes[channel], TARGET_RANGE)) {
      const [min, max] = TARGET_RANGE;
      problems.push({ kind: 'range', field: `firstResponseTargetMinutes.${channel}`, min, max });
    }
  }
  if (outOfRange(draft.slaWarningPercent, WARNING_PERCENT_RANGE)) {
    const [min, max] = WARNING_PERCENT_RANGE;
    problems.push({ kind: 'range', field: 'slaWarningPercent', min, max });
  }
  if (!draft.doNotHandOffMessage.trim()) problems.push({ kind: 'required', field: 'doNotHandOffMessage' });
  if (!draft.autoResponseMessage.trim()) problems.push({ kind: 'required', field: 'autoResponseMessage' });
  const zone = draft.officeHours.timeZone.trim();
  if (!zone) problems.push({ kind: 'required', field: 'timeZone' });
  else if (!isKnownTimeZone(zone)) problems.push({ kind: 'timeZone', zone });
  for (const day of WEEKDAYS) {
    if (draft.officeHours.periods.some((p) => p.day === day && p.end <= p.start))
      problems.push({ kind: 'period', day });
  }
  return problems;
}

/** Sets (or clears) the open period of one day; a day keeps any further periods it had untouched. */
export function setDayPeriod(
  periods: HubSettings['officeHours']['periods'],
  day: Weekday,
  period: { start: string; end: string } | null,
): HubSettings['officeHours']['periods'] {
  const others = periods.filter((p) => p.day !== day);
  const sameDay = periods.filter((p) => p.day === day);
  const next = period ? [{ day, ...period }, ...sameDay.slice(1)] : [];
  const order = (d: Weekday) => WEEKDAYS.indexOf(d);
  return [...others, ...next].sort((a, b) => order(a.day) - order(b.day) || a.start.localeCompare(b.start));
}
