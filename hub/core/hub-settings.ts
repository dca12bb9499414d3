// Environment: Node (hub). The hub's settings: DEFAULT_SETTINGS overlaid with what leads changed,
// held in memory so every rule reads the current value, applied at once and audited.
import { randomUUID } from 'node:crypto';
import type { Account } from '../../shared/domain.js';
import type { RequestResult } from '../../shared/desk-protocol.js';
import {
  DEFAULT_SETTINGS,
  hubSettingsSchema,
  type HubSettings,
  type SettingsAuditEntry,
  type SettingsPatch,
} from '../../shared/settings.js';
import type { HubStore } from '../store/hub-store.js';
import { isoAt, type Clock } from './clock.js';
import { isKnownTimeZone } from './office-hours.js';

type Field = keyof HubSettings;
const FIELDS = Object.keys(DEFAULT_SETTINGS) as Field[];

/** Stored fields over the defaults; a stored value that no longer validates falls back to its default. */
export function loadSettings(store: HubStore): HubSettings {
  const stored = store.readSettings();
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const field of FIELDS) {
    if (!(field in stored)) continue;
    const parsed = hubSettingsSchema.shape[field].safeParse(stored[field]);
    if (parsed.success) settings[field] = parsed.data;
    else console.error(`hub: stored setting ${field} is invalid; using the default`, parsed.error.issues);
  }
  return hubSettingsSchema.parse(settings);
}

/** Most open (open + pending) conversations for an agent. */
export function capacityOf(settings: HubSettings, accountId: string): number {
  return settings.capacityByAgent[accountId] ?? settings.defaultCapacity;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class HubSettingsService {
  private current: HubSettings;
  private readonly listeners = new Set<(settings: HubSettings, previous: HubSettings) => void>();

  constructor(
    private readonly store: HubStore,
    private readonly clock: Clock,
  ) {
    this.current = loadSettings(store);
  }

  get(): HubSettings {
    return this.current;
  }

  onChange(listener: (settings: HubSettings, previous: HubSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Leads only. Validates the result as a whole, stores the changed fields and one audit entry. */
  update(patch: SettingsPatch, actor: Account): RequestResult<HubSettings> {
    if (actor.role !== 'lead') {
      return { ok: false, error: { code: 'forbidden', message: 'Only a lead can change the settings.' } };
    }
    const next = hubSettingsSchema.safeParse({ ...this.current, ...patch });
    if (!next.success) {
      const message = next.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      return { ok: false, error: { code: 'invalid', message } };
    }
    const problems = this.problems(next.data, patch);
    if (problems.length > 0) return { ok: false, error: { code: 'invalid', message: problems.join('; ') } };

    const changed = FIELDS.filter((field) => !same(this.current[field], next.data[field]));
    if (changed.length === 0) return { ok: true, value: this.current };
    const entry: SettingsAuditEntry = {
      id: randomUUID(),
      at: isoAt(this.clock()),
      actor: { id: actor.id, name: actor.name, email: actor.email },
      changes: changed.map((field) => ({ field, from: this.current[field], to: next.data[field] })),
    };
    this.store.transaction(() => {
      this.store.writeSettings(Object.fromEntries(changed.map((field) => [field, next.data[field]])));
      this.store.insertSettingsAudit(entry);
    });
    const previous = this.current;
    this.current = next.data;
    for (const listener of this.listeners) {
      try {
        listener(this.current, previous);
      } catch (error) {
        console.error('hub: a settings listener failed', error);
      }
    }
    return { ok: true, value: this.current };
  }

  /** What the schema cannot know: real time zones and real agents. */
  private problems(settings: HubSettings, patch: SettingsPatch): string[] {
    const problems: string[] = [];
    if (!isKnownTimeZone(settings.officeHours.timeZone))
      problems.push(`officeHours.timeZone: unknown time zone ${settings.officeHours.timeZone}`);
    if (!patch.capacityByAgent) return problems;
    const accountIds = new Set(this.store.listAccounts().map((account) => account.id));
    for (const id of Object.keys(patch.capacityByAgent)) {
      if (!accountIds.has(id)) problems.push(`capacityByAgent.${id}: no such agent`);
    }
    return problems;
  }
}
