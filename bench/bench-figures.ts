// The benchmark's figures: exactly the keys issue 8 names, in the JSON object `npm run bench -- --json` prints as
// its last line. Every ratio is ours over the bare technology underneath, measured in the same run.
import { z } from 'zod';

const milliseconds = z.number().nonnegative();
const perSecond = z.number().nonnegative();
const latency = z.strictObject({ p50: milliseconds, p99: milliseconds });

export const benchFiguresSchema = z.strictObject({
  /** POST /api/v1/handoffs until every one of `consoles` connected desk cores has applied it. */
  handoff_to_console_ms: latency.extend({ consoles: z.int().positive() }),
  /** The same until the queue row is visible in the console in Chromium (web host). */
  handoff_to_screen_ms: latency,
  /** An outcome event appended until GET /api/events returns it. */
  event_visible_ms: latency,
  /** Agent ↔ shopper messages through the hub (persisted, acknowledged) against a bare socket.io echo server. */
  relay: z.strictObject({ hub_msgs_per_s: perSecond, raw_socketio_msgs_per_s: perSecond, ratio: z.number() }),
  /** Events appended to the stream against plain better-sqlite3 inserts of the same rows. */
  event_append: z.strictObject({
    hub_events_per_s: perSecond,
    raw_sqlite_rows_per_s: perSecond,
    ratio: z.number(),
  }),
  /** The console's cache filled with `messages` messages, then searched with realistic queries. */
  cache: z.strictObject({
    messages: z.int().positive(),
    insert_per_s: perSecond,
    raw_sqlite_insert_per_s: perSecond,
    ratio: z.number(),
    fts_p50_ms: milliseconds,
    fts_p95_ms: milliseconds,
  }),
  /** Opening a `messages`-message conversation until its first screen is drawn. */
  transcript_open_ms: z.strictObject({ messages: z.int().positive(), value: milliseconds }),
  /** Frame time (p95) while scrolling that conversation end to end. */
  scroll_frame_ms_p95: milliseconds,
  /** A console that missed `events` events reconnects until it is up to date. */
  catch_up_ms: z.strictObject({ events: z.int().positive(), value: milliseconds }),
  /** Starting the web host until the queue is interactive. */
  console_cold_start_ms: milliseconds,
  /** With 5,000 conversations cached and 100 consoles connected (fewer with --quick). */
  memory_mb: z.strictObject({
    hub_rss: z.number().nonnegative(),
    desk_core_rss: z.number().nonnegative(),
    renderer_heap: z.number().nonnegative(),
  }),
});

export type BenchFigures = z.infer<typeof benchFiguresSchema>;
export type BenchFigureKey = keyof BenchFigures;

/** What one scenario measured: whole figures, except memory_mb, whose parts come from different scenarios. */
export type ScenarioFigures = {
  [K in BenchFigureKey]?: K extends 'memory_mb' ? Partial<BenchFigures[K]> : BenchFigures[K];
};
