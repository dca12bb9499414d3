// Environment: Node (fuzz tests). One seed for every property of a run, printed so a failure reproduces:
// FUZZ_SEED=<seed> npx vitest run fuzz. FUZZ_RUNS scales every property's run count (default 1).
import fc from 'fast-check';

const seedFromEnv = Number.parseInt(process.env.FUZZ_SEED ?? '', 10);
export const FUZZ_SEED = Number.isSafeInteger(seedFromEnv) ? seedFromEnv : Date.now() % 2_147_483_647;
const scaleFromEnv = Number.parseFloat(process.env.FUZZ_RUNS ?? '');
const RUN_SCALE = Number.isFinite(scaleFromEnv) && scaleFromEnv > 0 ? scaleFromEnv : 1;

console.log(`fuzz: seed ${FUZZ_SEED} (FUZZ_SEED=${FUZZ_SEED} reproduces this run)`);

/** fast-check parameters: the run's seed, `numRuns` scaled, and the counterexample's seed/path in the report. */
export function fuzzParameters<T>(numRuns: number): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(numRuns * RUN_SCALE)), verbose: 1 };
}
