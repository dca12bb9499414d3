// Environment: browser. Gathers the live conversation and message events that arrive between two frames and
// hands them over together, so a burst (thousands at sign-in) costs one store update per frame instead of one
// per event. Any other event first hands over what is gathered, then itself at once, so every event is
// applied in the order it arrived.
import type { DeskEvent } from '../../shared/desk-api.js';
import { isLiveChange } from './live-changes-slice.js';

/** Runs `flush` once, soon; returns a function that cancels it. */
export type FlushScheduler = (flush: () => void) => () => void;

/** A hidden page gets no animation frames; its title and badges still follow by this timer (throttled there). */
const NO_FRAME_FALLBACK_MS = 100;

/** Before the next frame is drawn, so a single event still shows within one frame. */
export const beforeNextFrame: FlushScheduler = (flush) => {
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = null;
    timer = null;
  };
  const run = () => {
    cancel();
    flush();
  };
  if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(run);
  timer = setTimeout(run, NO_FRAME_FALLBACK_MS);
  return cancel;
};

export interface DeskEventBatcher {
  push(event: DeskEvent): void;
  /** Hands over what is gathered now. */
  flush(): void;
  /** Drops what is gathered and cancels the scheduled hand-over. */
  stop(): void;
}

export function createDeskEventBatcher(
  apply: (events: DeskEvent[]) => void,
  schedule: FlushScheduler = beforeNextFrame,
): DeskEventBatcher {
  let gathered: DeskEvent[] = [];
  let cancelScheduled: (() => void) | null = null;

  const flush = () => {
    cancelScheduled?.();
    cancelScheduled = null;
    if (gathered.length === 0) return;
    const events = gathered;
    gathered = [];
    apply(events);
  };

  return {
    push(event) {
      if (isLiveChange(event)) {
        gathered.push(event);
        cancelScheduled ??= schedule(flush);
        return;
      }
      flush();
      apply([event]);
    },
    flush,
    stop() {
      cancelScheduled?.();
      cancelScheduled = null;
      gathered = [];
    },
  };
}
