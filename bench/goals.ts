// The goals issue 8 sets, one table row each: what is shown, its value, the goal, and whether it is met.
import type { BenchFigures } from './bench-figures.js';

export interface Goal {
  figure: string;
  /** The measured value; null when its scenario failed. */
  value(figures: Partial<BenchFigures>): number | null;
  unit: string;
  goal: string;
  met(value: number): boolean;
}

const atMost = (limit: number) => (value: number) => value <= limit;
const atLeast = (limit: number) => (value: number) => value >= limit;

export const GOALS: readonly Goal[] = [
  {
    figure: 'handoff → every console (p99)',
    value: (f) => f.handoff_to_console_ms?.p99 ?? null,
    unit: 'ms',
    goal: '≤ 100',
    met: atMost(100),
  },
  {
    figure: 'handoff → on screen (p99)',
    value: (f) => f.handoff_to_screen_ms?.p99 ?? null,
    unit: 'ms',
    goal: '≤ 150',
    met: atMost(150),
  },
  {
    figure: 'event → GET /api/events (p99)',
    value: (f) => f.event_visible_ms?.p99 ?? null,
    unit: 'ms',
    goal: '≤ 50',
    met: atMost(50),
  },
  {
    figure: 'relay vs bare socket.io',
    value: (f) => f.relay?.ratio ?? null,
    unit: '×',
    goal: '≥ 0.5',
    met: atLeast(0.5),
  },
  {
    figure: 'event append vs bare SQLite',
    value: (f) => f.event_append?.ratio ?? null,
    unit: '×',
    goal: '≥ 0.5',
    met: atLeast(0.5),
  },
  {
    figure: 'cache insert vs bare SQLite',
    value: (f) => f.cache?.ratio ?? null,
    unit: '×',
    goal: '≥ 0.7',
    met: atLeast(0.7),
  },
  {
    figure: 'cache search (p95)',
    value: (f) => f.cache?.fts_p95_ms ?? null,
    unit: 'ms',
    goal: '≤ 30',
    met: atMost(30),
  },
  {
    figure: 'open long transcript',
    value: (f) => f.transcript_open_ms?.value ?? null,
    unit: 'ms',
    goal: '≤ 150',
    met: atMost(150),
  },
  {
    figure: 'scroll frame (p95)',
    value: (f) => f.scroll_frame_ms_p95 ?? null,
    unit: 'ms',
    goal: '≤ 16.7',
    met: atMost(16.7),
  },
  {
    figure: 'catch-up after missed events',
    value: (f) => f.catch_up_ms?.value ?? null,
    unit: 'ms',
    goal: '≤ 2000',
    met: atMost(2000),
  },
  {
    figure: 'console cold start',
    value: (f) => f.console_cold_start_ms ?? null,
    unit: 'ms',
    goal: '≤ 1000',
    met: atMost(1000),
  },
  {
    figure: 'hub memory (RSS)',
    value: (f) => f.memory_mb?.hub_rss ?? null,
    unit: 'MB',
    goal: '≤ 200',
    met: atMost(200),
  },
  {
    figure: 'desk core memory (RSS)',
    value: (f) => f.memory_mb?.desk_core_rss ?? null,
    unit: 'MB',
    goal: '≤ 200',
    met: atMost(200),
  },
  {
    figure: 'renderer heap',
    value: (f) => f.memory_mb?.renderer_heap ?? null,
    unit: 'MB',
    goal: '≤ 200',
    met: atMost(200),
  },
];
