// Environment: browser. Exporting a conversation as a file (text for people, JSON for programs), from the
// desk core's cache, so it works offline. Saving the file is the caller's (platform/download-file.ts).
import type { DeskApi, DeskCallResult } from '../../shared/desk-api.js';
import { uiLanguage } from '../i18n/i18n.js';
import { t } from '../i18n/t.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';
import { describeDeskError } from './describe-desk-error.js';

export type ExportFormat = 'text' | 'json';
export type ExportedFile = Extract<DeskCallResult<'exportConversation'>, { ok: true }>;

export interface ExportSlice {
  /** The export being prepared, so its menu item says so and is not clicked twice. */
  exporting: { conversationId: string; format: ExportFormat } | null;
  /** The file in the UI language, or null (the failure is shown on the conversation). */
  exportConversation(conversationId: string, format: ExportFormat): Promise<ExportedFile | null>;
}

export const createExportSlice =
  (api: DeskApi): DeskSliceCreator<ExportSlice> =>
  (set, get) => ({
    exporting: null,

    async exportConversation(conversationId, format) {
      if (get().exporting) return null;
      set({ exporting: { conversationId, format } });
      try {
        const result = await api.exportConversation({ conversationId, format, language: uiLanguage() });
        if (result.ok) return result;
        get().patchActions(conversationId, {
          error: t('export.failed', { message: describeDeskError(result.error) }),
        });
        return null;
      } catch (error) {
        get().patchActions(conversationId, {
          error: t('export.failed', { message: describeFailure(error) }),
        });
        return null;
      } finally {
        set({ exporting: null });
      }
    },
  });
