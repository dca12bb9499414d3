// `npm run soak`: runs the load soak (soak.ts), prints its figures, writes them as JSON to soak/results/,
// and exits non-zero when any criterion fails.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseSoakArgs, SOAK_USAGE, SoakUsageError } from './soak-args.js';
import { runSoak } from './soak.js';
import { soakSummary } from './soak-summary.js';

async function main() {
  const { options, json, out } = parseSoakArgs(process.argv.slice(2));
  const result = await runSoak({ ...options, log: (line) => process.stderr.write(`soak: ${line}\n`) });
  const file =
    out ?? join(import.meta.dirname, 'results', `soak-${result.startedAt.replace(/[:.]/g, '-')}.tmp.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    json ? `${JSON.stringify(result, null, 2)}\n` : `${soakSummary(result)}\nResults: ${file}\n`,
  );
  process.exitCode = result.passed ? 0 : 1;
}

main().catch((error: unknown) => {
  if (error instanceof SoakUsageError) {
    process.stderr.write(`${error.message ? `${error.message}\n\n` : ''}${SOAK_USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
