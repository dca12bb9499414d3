// Runs scenarios one after another (each owns the machine while it runs), merges their figures, judges the goals.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchFiguresSchema, type BenchFigures, type ScenarioFigures } from './bench-figures.js';
import { GOALS } from './goals.js';
import { describeMachine, type MachineDescription } from './machine.js';
import type { Scenario } from './scenario.js';

export interface GoalResult {
  figure: string;
  value: number | null;
  unit: string;
  goal: string;
  met: boolean;
}

export interface BenchRun {
  startedAt: string;
  quick: boolean;
  machine: MachineDescription;
  /** Figures of the scenarios that ran; a failed scenario's keys are missing. */
  figures: Partial<BenchFigures>;
  goals: GoalResult[];
  failures: { scenario: string; error: string }[];
  seconds: number;
}

const scenarioFiguresSchema = benchFiguresSchema
  .extend({ memory_mb: benchFiguresSchema.shape.memory_mb.partial() })
  .partial();

/** A scenario's figures, checked against the schema so a wrong shape fails its scenario, not the JSON's reader. */
function checked(figures: ScenarioFigures): ScenarioFigures {
  const parsed = scenarioFiguresSchema.safeParse(figures);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`figures do not match bench-figures.ts: ${problems.join('; ')}`);
}

function merge(into: Partial<BenchFigures>, from: ScenarioFigures): void {
  for (const [key, value] of Object.entries(from) as [keyof ScenarioFigures, unknown][]) {
    if (key === 'memory_mb')
      into.memory_mb = { ...into.memory_mb, ...(value as object) } as BenchFigures['memory_mb'];
    else (into as Record<string, unknown>)[key] = value;
  }
}

export async function runBench(
  scenarios: readonly Scenario[],
  options: { quick: boolean; log(line: string): void },
): Promise<BenchRun> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const figures: Partial<BenchFigures> = {};
  const failures: BenchRun['failures'] = [];
  for (const scenario of scenarios) {
    const workDir = mkdtempSync(join(tmpdir(), `handoff-bench-${scenario.name}-`));
    const log = (line: string) => options.log(`${scenario.name}: ${line}`);
    const scenarioStarted = performance.now();
    log('starting');
    try {
      merge(figures, checked(await scenario.run({ quick: options.quick, workDir, log })));
      log(`done in ${((performance.now() - scenarioStarted) / 1000).toFixed(1)} s`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push({ scenario: scenario.name, error: message });
      log(`FAILED: ${message}`);
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }
  const goals = GOALS.map((goal) => {
    const value = goal.value(figures);
    return {
      figure: goal.figure,
      value,
      unit: goal.unit,
      goal: goal.goal,
      met: value !== null && goal.met(value),
    };
  });
  return {
    startedAt,
    quick: options.quick,
    machine: describeMachine(),
    figures,
    goals,
    failures,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
