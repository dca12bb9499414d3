// Environment: Node (hub). Segment membership over the event stream, kept as it changes:
// - events: each commit (and, at start, anything committed since the stored stream cursor) re-evaluates only
//   the profiles those events belong to, at once (a Placed Order leaves `recommended-no-order` in the same
//   turn as its POST /api/events);
// - the clock: each (segment, profile) whose outcome may flip when a counted event leaves a window has its next
//   check time stored; one timer on the hub's clock fires at the earliest, and a pass evaluates everything due;
// - new segments (and built-ins on a new database) are evaluated over every profile.
// Every pass works in bounded batches, each batch one transaction.
import {
  BUILT_IN_SEGMENTS,
  type Segment,
  type SegmentDefinition,
  type SegmentRef,
} from '../../shared/segments.js';
import { isoAt, type Clock } from '../core/clock.js';
import type { ClockTimers } from '../core/clock-timers.js';
import type { HubStore } from '../store/hub-store.js';
import { logStorageFault } from '../store/storage-faults.js';
import { ConditionEvaluator, evaluateConditions } from './condition-evaluation.js';
import { uniqueSegmentId } from './segment-ids.js';
import type { MembersKey, MemberRow, SqliteSegmentStore, StoredSegment } from './sqlite-segment-store.js';

/** Profiles (or checks, or events) per transaction. */
export const SEGMENT_BATCH_SIZE = 500;
/** Lead-defined segments, besides the built-ins. */
export const MAX_LEAD_SEGMENTS = 100;
const EXPIRY_TIMER = 'segments:window-expiry';
/** After a failed run (the database locked or full), the checks are tried again this much later. */
const FAILED_CHECKS_RETRY_MS = 5_000;

export class SegmentLimitError extends Error {}

/**
 * The store lists built-ins first and leads' segments oldest first; this puts the built-ins in the seeds'
 * order (a stable sort leaves the rest as they are).
 */
function inSegmentOrder<T extends { id: string }>(segments: T[]): T[] {
  const rank = (id: string) => {
    const index = BUILT_IN_SEGMENTS.findIndex((segment) => segment.id === id);
    return index === -1 ? BUILT_IN_SEGMENTS.length : index;
  };
  return segments.sort((a, b) => rank(a.id) - rank(b.id));
}

export class SegmentEngine {
  private readonly evaluator: ConditionEvaluator;
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(
    private readonly deps: {
      hubStore: Pick<HubStore, 'onCommit'>;
      store: SqliteSegmentStore;
      clock: Clock;
      timers: ClockTimers;
    },
  ) {
    const { store, clock } = deps;
    this.evaluator = new ConditionEvaluator(store.database);
    const at = isoAt(clock());
    store.transaction(() => {
      for (const segment of BUILT_IN_SEGMENTS) store.saveBuiltIn(segment, at);
    });
    this.unsubscribe = deps.hubStore.onCommit((batch) => {
      if (batch.events.length > 0) this.catchUpWithStream();
    });
    // A restart resumes an interrupted backfill, then whatever the stream gained meanwhile, then the checks due.
    this.runBackfills();
    this.catchUpWithStream();
    this.runDueChecks();
  }

  // Segments

  /** The built-ins in the seeds' order, then leads' segments oldest first. */
  list(): Segment[] {
    return inSegmentOrder(this.deps.store.listSegments()).map((segment) => this.viewOf(segment));
  }

  get(id: string): Segment | null {
    const segment = this.deps.store.getSegment(id);
    return segment ? this.viewOf(segment) : null;
  }

  /** Creates a lead's segment and evaluates it over every profile before answering. */
  create(definition: SegmentDefinition): Segment {
    const { store, clock } = this.deps;
    if (store.countLeadSegments() >= MAX_LEAD_SEGMENTS) {
      throw new SegmentLimitError(
        `At most ${MAX_LEAD_SEGMENTS} segments besides the built-ins: delete one first.`,
      );
    }
    const id = uniqueSegmentId(definition.name, (candidate) => store.getSegment(candidate) !== null);
    store.insertSegment({ id, ...definition, createdAt: isoAt(clock()) });
    this.runBackfills();
    const created = this.get(id);
    if (!created) throw new Error(`segments: ${id} vanished`);
    return created;
  }

  /** 'built_in' for the seeds' segments (never deleted), 'not_found' for an unknown id. */
  delete(id: string): 'deleted' | 'built_in' | 'not_found' {
    const { store } = this.deps;
    const segment = store.getSegment(id);
    if (!segment) return 'not_found';
    if (segment.builtIn) return 'built_in';
    store.deleteSegment(id);
    this.scheduleNextCheck();
    return 'deleted';
  }

  membersPage(segmentId: string, after: MembersKey | null, limit: number): MemberRow[] {
    return this.deps.store.membersPage(segmentId, after, limit);
  }

  /** The segments a conversation's shopper is in now (none without a profile). */
  segmentsOfShopper(shopper: { email: string | null; profileId: string | null }): SegmentRef[] {
    const profileId = this.deps.store.findShopperProfile(shopper);
    return profileId === null ? [] : inSegmentOrder(this.deps.store.segmentsOf(profileId));
  }

  /** Evaluates every check due by the clock now (the timer calls it; tests may too). */
  runDueChecks(): void {
    const { store, clock } = this.deps;
    if (this.closed) return;
    const now = clock();
    try {
      // Each evaluation moves its check past now or removes it, so every batch makes progress and the loop ends.
      for (;;) {
        const due = store.dueChecks(isoAt(now), SEGMENT_BATCH_SIZE);
        if (due.length === 0) break;
        store.transaction(() => {
          for (const { segmentId, profileId } of due) {
            const segment = store.getSegment(segmentId);
            if (segment) this.evaluate(segment, profileId, now);
          }
        });
        if (due.length < SEGMENT_BATCH_SIZE) break;
      }
    } catch (error) {
      logStorageFault('segment window checks', error);
      this.deps.timers.at(EXPIRY_TIMER, now + FAILED_CHECKS_RETRY_MS, () => this.runDueChecks());
      return;
    }
    this.scheduleNextCheck();
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    this.deps.timers.cancel(EXPIRY_TIMER);
    this.deps.store.close();
  }

  // Evaluation

  /** Re-evaluates the profiles of events after the stream cursor, batch by batch, moving the cursor. */
  private catchUpWithStream(): void {
    const { store, clock } = this.deps;
    if (this.closed) return;
    for (;;) {
      const events = store.readStreamAfter(store.streamCursor(), SEGMENT_BATCH_SIZE);
      const last = events.at(-1);
      if (!last) break;
      const profiles = new Set(events.flatMap((event) => event.profileRef ?? []));
      const now = clock();
      store.transaction(() => {
        // Every segment: a profile's first event may put it in a segment about other metrics ("at most").
        const segments = store.listSegments();
        for (const profileId of profiles) {
          for (const segment of segments) this.evaluate(segment, profileId, now);
        }
        store.setStreamCursor(last.position);
      });
      if (events.length < SEGMENT_BATCH_SIZE) break;
    }
    this.scheduleNextCheck();
  }

  /** Evaluates each segment still being backfilled over every profile, a batch per transaction. */
  private runBackfills(): void {
    const { store, clock } = this.deps;
    for (const segment of store.listSegments()) {
      let after = segment.backfillAfter;
      while (after !== null && !this.closed) {
        const profiles = store.profilesAfter(after, SEGMENT_BATCH_SIZE);
        const now = clock();
        const next = profiles.length < SEGMENT_BATCH_SIZE ? null : (profiles.at(-1) ?? null);
        store.transaction(() => {
          for (const profileId of profiles) this.evaluate(segment, profileId, now);
          store.setBackfillAfter(segment.id, next);
        });
        after = next;
      }
    }
    this.scheduleNextCheck();
  }

  private evaluate(segment: StoredSegment, profileId: string, now: number): void {
    const outcome = evaluateConditions(this.evaluator, segment.conditions, profileId, now);
    this.deps.store.applyOutcome(
      segment.id,
      profileId,
      outcome.holds,
      outcome.changesAt === null ? null : isoAt(outcome.changesAt),
      isoAt(now),
    );
  }

  private scheduleNextCheck(): void {
    if (this.closed) return;
    const earliest = this.deps.store.earliestCheck();
    if (earliest === null) this.deps.timers.cancel(EXPIRY_TIMER);
    else this.deps.timers.at(EXPIRY_TIMER, Date.parse(earliest), () => this.runDueChecks());
  }

  private viewOf(segment: StoredSegment): Segment {
    return {
      id: segment.id,
      name: segment.name,
      conditions: segment.conditions,
      builtIn: segment.builtIn,
      createdAt: segment.createdAt,
      memberCount: this.deps.store.memberCount(segment.id),
    };
  }
}
