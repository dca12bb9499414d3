// Environment: any. The hub's settings (leads change them in the console; they apply without a restart).
import { z } from 'zod';
import { agentRefSchema, isoDateTimeSchema } from './domain.js';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 00:00–23:59');
export const weekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof weekdaySchema>;

export const officeHoursSchema = z.strictObject({
  enabled: z.boolean(),
  /** IANA time zone the hours are in, e.g. Europe/Stockholm. */
  timeZone: z.string().min(1).max(100),
  /** Open periods; a day without one is closed. `end` after `start`. */
  periods: z
    .array(z.strictObject({ day: weekdaySchema, start: clockTime, end: clockTime }))
    .max(50)
    .refine((periods) => periods.every((p) => p.end > p.start), 'each period must end after it starts'),
});
export type OfficeHours = z.infer<typeof officeHoursSchema>;

const slaMinutes = z.number().int().min(1).max(10_080);

export const hubSettingsSchema = z.strictObject({
  /** How the Customer Agent deals with what it can't answer (the seed's two handoff methods). */
  handoffMode: z.enum(['helpdesk', 'do_not_hand_off']),
  /** Shown instead of offering a human in `do_not_hand_off` mode; http(s) links become links. */
  doNotHandOffMessage: z.string().trim().min(1).max(2000),
  officeHours: officeHoursSchema,
  /** Sent to the shopper at once, in their channel, outside office hours or when no agent is online. */
  autoResponseMessage: z.string().trim().min(1).max(2000),
  autoAssign: z.boolean(),
  /** Most open (open + pending) conversations per agent; `capacityByAgent` overrides per agent id. */
  defaultCapacity: z.number().int().min(1).max(100),
  capacityByAgent: z.record(z.string(), z.number().int().min(1).max(100)),
  /** Remind the team every this many minutes while a handoff waits unclaimed. */
  reminderAfterMinutes: z.number().int().min(1).max(1440),
  /** An agent with no input in their console for this long shows as away. */
  awayAfterIdleMinutes: z.number().int().min(1).max(480),
  /** SLA: minutes from handoff to the first agent reply, per channel. */
  firstResponseTargetMinutes: z.strictObject({
    web_chat: slaMinutes,
    sms: slaMinutes,
    email: slaMinutes,
    whatsapp: slaMinutes,
  }),
  /** A conversation counts as near its SLA once this share of the target has passed. */
  slaWarningPercent: z.number().int().min(10).max(99),
});
export type HubSettings = z.infer<typeof hubSettingsSchema>;
export const settingsPatchSchema = hubSettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: HubSettings = {
  handoffMode: 'helpdesk',
  doNotHandOffMessage:
    "I can't help with that one, sorry. Our help centre has answers to most questions: https://example.com/help — or write to us through https://example.com/contact.",
  officeHours: {
    enabled: false,
    timeZone: 'Europe/Stockholm',
    periods: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
      day,
      start: '08:00',
      end: '17:00',
    })),
  },
  autoResponseMessage:
    "Thanks for your patience! Our team isn't available right now; we have your message and will reply here as soon as we're back.",
  autoAssign: false,
  defaultCapacity: 5,
  capacityByAgent: {},
  reminderAfterMinutes: 5,
  awayAfterIdleMinutes: 10,
  // Chat-like channels expect an answer within minutes, email within the hour.
  firstResponseTargetMinutes: { web_chat: 2, whatsapp: 5, sms: 10, email: 60 },
  slaWarningPercent: 80,
};

/** One change of settings: who, when, and each field's value before and after. */
export const settingsAuditEntrySchema = z.object({
  id: z.string(),
  at: isoDateTimeSchema,
  actor: agentRefSchema,
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});
export type SettingsAuditEntry = z.infer<typeof settingsAuditEntrySchema>;
