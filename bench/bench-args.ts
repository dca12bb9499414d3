// `npm run bench -- [--quick] [--json] [--only NAME,NAME] [--out FILE]`
import { parseArgs } from 'node:util';

export const BENCH_USAGE = `Usage: npm run bench -- [--quick] [--json] [--only NAME[,NAME…]] [--out FILE]
  --quick  every scenario at a small size, in well under a minute; speed is not judged (CI runs this)
  --json   print the figures as one JSON object on the last line of output
  --only   run just these scenarios (names as listed in the table's progress lines)
  --out    where the results JSON goes (default bench/results/<time>.json; quick or partial runs: <time>.tmp.json)`;

export class BenchUsageError extends Error {}

export interface BenchArgs {
  quick: boolean;
  json: boolean;
  only: string[] | null;
  out: string | null;
}

export function parseBenchArgs(argv: string[], knownScenarios: readonly string[]): BenchArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        quick: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        only: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new BenchUsageError(error instanceof Error ? error.message : String(error));
  }
  const only = parsed.values.only?.split(',').map((name) => name.trim()) ?? null;
  const unknown = only?.filter((name) => !knownScenarios.includes(name)) ?? [];
  if (unknown.length > 0)
    throw new BenchUsageError(
      `--only: no scenario named ${unknown.map((name) => `"${name}"`).join(', ')}; there are ${knownScenarios.join(', ')}`,
    );
  return { quick: parsed.values.quick, json: parsed.values.json, only, out: parsed.values.out ?? null };
}
