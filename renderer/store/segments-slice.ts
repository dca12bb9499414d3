// Environment: browser. Every segment with its member count (live from the hub, loaded when Settings shows
// them), and a lead's creating and deleting one. Nothing is cached: a count from last week would mislead.
import type { DeskApi } from '../../shared/desk-api.js';
import type { Segment, SegmentDefinition } from '../../shared/segments.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';
import { describeDeskError } from './describe-desk-error.js';
import type { SaveOutcome } from './hub-settings-slice.js';

export type SegmentsState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; segments: Segment[] }
  | { state: 'error'; message: string };

export interface SegmentsSlice {
  segments: SegmentsState;
  loadSegments(): Promise<void>;
  /** The new segment is listed at once (with the count the hub evaluated); errors come back for the form. */
  createSegment(definition: SegmentDefinition): Promise<SaveOutcome>;
  deleteSegment(id: string): Promise<SaveOutcome>;
}

/** Built-ins first (in the seeds' order), then the leads' segments oldest first. */
function ordered(segments: Segment[]): Segment[] {
  return [...segments].sort(
    (a, b) =>
      Number(b.builtIn) - Number(a.builtIn) || (a.builtIn ? 0 : a.createdAt.localeCompare(b.createdAt)),
  );
}

export const createSegmentsSlice =
  (api: DeskApi): DeskSliceCreator<SegmentsSlice> =>
  (set, get) => {
    const known = (): Segment[] => {
      const current = get().segments;
      return current.state === 'ready' ? current.segments : [];
    };
    return {
      segments: { state: 'idle' },

      async loadSegments() {
        // A refresh keeps the list on screen; only the first load shows that it is loading.
        if (get().segments.state !== 'ready') set({ segments: { state: 'loading' } });
        try {
          const result = await api.listSegments({});
          set({
            segments: result.ok
              ? { state: 'ready', segments: ordered(result.value) }
              : { state: 'error', message: describeDeskError(result.error) },
          });
        } catch (error) {
          set({ segments: { state: 'error', message: describeFailure(error) } });
        }
      },

      async createSegment(definition) {
        try {
          const result = await api.createSegment(definition);
          if (!result.ok)
            return { ok: false, code: result.error.code, message: describeDeskError(result.error) };
          const others = known().filter((segment) => segment.id !== result.value.id);
          set({ segments: { state: 'ready', segments: ordered([...others, result.value]) } });
          return { ok: true };
        } catch (error) {
          return { ok: false, code: null, message: describeFailure(error) };
        }
      },

      async deleteSegment(id) {
        try {
          const result = await api.deleteSegment({ id });
          if (!result.ok)
            return { ok: false, code: result.error.code, message: describeDeskError(result.error) };
          const current = get().segments;
          if (current.state === 'ready')
            set({ segments: { state: 'ready', segments: current.segments.filter((s) => s.id !== id) } });
          return { ok: true };
        } catch (error) {
          return { ok: false, code: null, message: describeFailure(error) };
        }
      },
    };
  };
