import { describe, expect, it } from 'vitest';
import { parseBenchArgs, BenchUsageError } from './bench-args.js';
import { runBench } from './bench-run.js';
import { benchTable } from './bench-table.js';
import type { Scenario } from './scenario.js';

const quiet = { quick: false, log: () => undefined };

describe('the benchmark runner', () => {
  it('merges the memory figures of different scenarios and judges each goal', async () => {
    const scenarios: Scenario[] = [
      {
        name: 'a',
        run: async () => ({ memory_mb: { hub_rss: 120, desk_core_rss: 90 }, console_cold_start_ms: 1500 }),
      },
      { name: 'b', run: async () => ({ memory_mb: { renderer_heap: 250 } }) },
    ];
    const run = await runBench(scenarios, quiet);
    expect(run.failures).toEqual([]);
    expect(run.figures.memory_mb).toEqual({ hub_rss: 120, desk_core_rss: 90, renderer_heap: 250 });
    const goal = (figure: string) => run.goals.find((row) => row.figure === figure);
    expect(goal('hub memory (RSS)')).toMatchObject({ value: 120, met: true });
    expect(goal('renderer heap')).toMatchObject({ value: 250, met: false });
    expect(goal('console cold start')).toMatchObject({ value: 1500, met: false });
    expect(goal('relay vs bare socket.io')).toMatchObject({ value: null, met: false });
  });

  it('records a failing scenario, or one whose figures have the wrong shape, and goes on with the rest', async () => {
    const scenarios: Scenario[] = [
      { name: 'broken', run: () => Promise.reject(new Error('the hub did not start')) },
      { name: 'misshapen', run: async () => ({ catch_up_ms: { events: 0, value: -1 } }) },
      { name: 'fine', run: async () => ({ scroll_frame_ms_p95: 8 }) },
    ];
    const run = await runBench(scenarios, quiet);
    expect(run.failures.map((failure) => failure.scenario)).toEqual(['broken', 'misshapen']);
    expect(run.failures[1]!.error).toContain('catch_up_ms.events');
    expect(run.figures).toEqual({ scroll_frame_ms_p95: 8 });
    const table = benchTable(run);
    expect(table).toMatch(/scroll frame \(p95\)\s+8\.00 ms\s+≤ 16\.7 ms\s+pass/);
    expect(table).toMatch(/catch-up after missed events\s+—\s+≤ 2000 ms\s+not measured/);
    expect(table).toContain('FAILED broken: Error: the hub did not start');
  });

  it('names an unknown scenario and the ones there are', () => {
    expect(parseBenchArgs(['--quick', '--only', 'relay'], ['relay', 'cache'])).toEqual({
      quick: true,
      json: false,
      only: ['relay'],
      out: null,
    });
    expect(() => parseBenchArgs(['--only', 'relya'], ['relay', 'cache'])).toThrow(
      new BenchUsageError('--only: no scenario named "relya"; there are relay, cache'),
    );
    expect(() => parseBenchArgs(['--fast'], ['relay'])).toThrow(BenchUsageError);
  });
});
