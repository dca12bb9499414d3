// Environment: browser. The hub's team settings (pushed on connect and on change), saving them (leads), and
// the audit log of who changed what.
import type { DeskApi } from '../../shared/desk-api.js';
import type { HubSettings, SettingsAuditEntry, SettingsPatch } from '../../shared/settings.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';
import { describeDeskError } from './describe-desk-error.js';

/** A live call's outcome; `code` lets the UI say known failures (offline, forbidden) in its own words. */
export type SaveOutcome = { ok: true } | { ok: false; code: string | null; message: string };

export type AuditState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; entries: SettingsAuditEntry[] }
  | { state: 'error'; message: string };

export interface HubSettingsSlice {
  settings: HubSettings | null;
  audit: AuditState;
  applySettings(settings: HubSettings | null): void;
  updateSettings(patch: SettingsPatch): Promise<SaveOutcome>;
  loadAudit(): Promise<void>;
}

export const createHubSettingsSlice =
  (api: DeskApi): DeskSliceCreator<HubSettingsSlice> =>
  (set, get) => ({
    settings: null,
    audit: { state: 'idle' },

    applySettings: (settings) => set({ settings }),

    async updateSettings(patch) {
      try {
        const result = await api.updateSettings({ patch });
        if (!result.ok)
          return { ok: false, code: result.error.code, message: describeDeskError(result.error) };
        set({ settings: result.value });
        // The audit log has a new entry; refresh it if it is on screen.
        if (get().audit.state !== 'idle') void get().loadAudit();
        return { ok: true };
      } catch (error) {
        return { ok: false, code: null, message: describeFailure(error) };
      }
    },

    async loadAudit() {
      if (get().audit.state !== 'ready') set({ audit: { state: 'loading' } });
      try {
        const result = await api.listAudit({});
        set({
          audit: result.ok
            ? { state: 'ready', entries: result.value }
            : { state: 'error', message: describeDeskError(result.error) },
        });
      } catch (error) {
        set({ audit: { state: 'error', message: describeFailure(error) } });
      }
    },
  });
