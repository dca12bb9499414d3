// `npm run bench`: runs every scenario, prints the table (and with --json the figures as the last line), writes
// the run with its machine description to bench/results/, and exits non-zero when a scenario failed. A missed goal
// is reported, not an error: speed is judged by the person reading the table, never by CI.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ALL_SCENARIOS } from './all-scenarios.js';
import { BENCH_USAGE, BenchUsageError, parseBenchArgs } from './bench-args.js';
import { runBench } from './bench-run.js';
import { benchTable } from './bench-table.js';

async function main() {
  const args = parseBenchArgs(
    process.argv.slice(2),
    ALL_SCENARIOS.map((scenario) => scenario.name),
  );
  const scenarios = args.only
    ? ALL_SCENARIOS.filter((scenario) => args.only!.includes(scenario.name))
    : ALL_SCENARIOS;
  const run = await runBench(scenarios, {
    quick: args.quick,
    log: (line) => process.stderr.write(`bench: ${line}\n`),
  });
  const complete = !args.quick && args.only === null && run.failures.length === 0;
  const file =
    args.out ??
    join(
      import.meta.dirname,
      'results',
      `${run.startedAt.replace(/[:.]/g, '-')}${complete ? '' : '.tmp'}.json`,
    );
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  process.stdout.write(`${benchTable(run)}\nResults: ${file}\n`);
  if (args.json) process.stdout.write(`${JSON.stringify(run.figures)}\n`);
  process.exitCode = run.failures.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  if (error instanceof BenchUsageError) {
    process.stderr.write(`${error.message}\n\n${BENCH_USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
