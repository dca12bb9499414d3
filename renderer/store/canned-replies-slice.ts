// Environment: browser. The canned replies this agent may use (shared + own), as the hub pushes them, and
// saving or deleting one (live only: the hub answers, then pushes the new list).
import type { DeskApi } from '../../shared/desk-api.js';
import type { CannedReply, CannedReplySave } from '../../shared/canned-replies.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';
import type { SaveOutcome } from './hub-settings-slice.js';
import { describeDeskError } from './describe-desk-error.js';

export interface CannedRepliesSlice {
  cannedReplies: CannedReply[];
  applyCannedReplies(replies: CannedReply[]): void;
  saveCannedReply(reply: CannedReplySave): Promise<SaveOutcome>;
  deleteCannedReply(id: string): Promise<SaveOutcome>;
}

export const createCannedRepliesSlice =
  (api: DeskApi): DeskSliceCreator<CannedRepliesSlice> =>
  (set, get) => ({
    cannedReplies: [],

    applyCannedReplies: (cannedReplies) => set({ cannedReplies }),

    async saveCannedReply(reply) {
      try {
        const result = await api.saveCannedReply(reply);
        if (!result.ok)
          return { ok: false, code: result.error.code, message: describeDeskError(result.error) };
        // Show it at once; the hub's push of the whole list follows and replaces this.
        const others = get().cannedReplies.filter((known) => known.id !== result.value.id);
        set({ cannedReplies: [...others, result.value] });
        return { ok: true };
      } catch (error) {
        return { ok: false, code: null, message: describeFailure(error) };
      }
    },

    async deleteCannedReply(id) {
      try {
        const result = await api.deleteCannedReply({ id });
        if (!result.ok)
          return { ok: false, code: result.error.code, message: describeDeskError(result.error) };
        set({ cannedReplies: get().cannedReplies.filter((known) => known.id !== id) });
        return { ok: true };
      } catch (error) {
        return { ok: false, code: null, message: describeFailure(error) };
      }
    },
  });
