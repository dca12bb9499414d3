// One benchmark scenario: sets up real parts (hub process, desk cores, Chromium), measures, and tears them down.
import type { ScenarioFigures } from './bench-figures.js';

export interface BenchContext {
  /** `--quick`: the smallest size that still exercises the whole path (CI runs it; nothing about speed is judged). */
  quick: boolean;
  /** A fresh directory for this scenario's data (hub data dir, caches); removed after the run. */
  workDir: string;
  /** Progress for the person watching (stderr), one line at a time. */
  log(line: string): void;
}

export interface Scenario {
  /** Short, kebab-case; `npm run bench -- --only NAME` runs just this one. */
  name: string;
  run(context: BenchContext): Promise<ScenarioFigures>;
}
