// `npm run soak -- --consoles N --shoppers M --duration 5m [--think 30s] [--drain 60s] [--json] [--out FILE]`
import { parseArgs } from 'node:util';
import { DEFAULT_SOAK_OPTIONS, type SoakOptions } from './soak.js';

export const SOAK_USAGE = `Usage: npm run soak -- [--consoles 200] [--shoppers 1000] [--duration 5m] [--think 30s] [--ramp 60s]
                      [--drain 60s] [--sample 5s] [--cache-dir DIR] [--json] [--out soak/results/NAME.json]
  --duration  how long shoppers keep sending (e.g. 300, 300s, 5m)
  --think     mean pause between a shopper reading a reply and sending the next message
  --ramp      how long the shoppers take to arrive (default a fifth of the duration)
  --drain     how long the last replies may take after the sending stops
  --cache-dir where the consoles' caches go (default /dev/shm when there is one: see SoakOptions)
  --json      print the results JSON instead of the summary
  --out       where the results JSON goes (default soak/results/soak-<time>.tmp.json, not committed)`;

export class SoakUsageError extends Error {}

/** Seconds from "300", "300s" or "5m". */
function seconds(flag: string, raw: string): number {
  const match = /^(\d+(?:\.\d+)?)(s|m)?$/.exec(raw.trim());
  if (!match) throw new SoakUsageError(`--${flag} must be seconds (300, 300s) or minutes (5m), got "${raw}"`);
  return Number(match[1]) * (match[2] === 'm' ? 60 : 1);
}

function positiveInteger(flag: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new SoakUsageError(`--${flag} must be a whole number ≥ 1, got "${raw}"`);
  return value;
}

export function parseSoakArgs(argv: string[]): { options: SoakOptions; json: boolean; out: string | null } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        consoles: { type: 'string' },
        shoppers: { type: 'string' },
        duration: { type: 'string' },
        think: { type: 'string' },
        drain: { type: 'string' },
        ramp: { type: 'string' },
        sample: { type: 'string' },
        'cache-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new SoakUsageError((error as Error).message);
  }
  if (values.help) throw new SoakUsageError('');
  const options: SoakOptions = {
    ...DEFAULT_SOAK_OPTIONS,
    ...(values.consoles === undefined ? {} : { consoles: positiveInteger('consoles', values.consoles) }),
    ...(values.shoppers === undefined ? {} : { shoppers: positiveInteger('shoppers', values.shoppers) }),
    ...(values.duration === undefined ? {} : { durationS: seconds('duration', values.duration) }),
    ...(values.think === undefined ? {} : { thinkS: seconds('think', values.think) }),
    ...(values.drain === undefined ? {} : { drainS: seconds('drain', values.drain) }),
    ...(values.ramp === undefined ? {} : { rampS: seconds('ramp', values.ramp) }),
    ...(values.sample === undefined ? {} : { sampleEveryS: seconds('sample', values.sample) }),
    ...(values['cache-dir'] === undefined ? {} : { cacheParentDir: values['cache-dir'] }),
  };
  if (options.durationS <= 0) throw new SoakUsageError('--duration must be more than 0');
  if (options.sampleEveryS <= 0) throw new SoakUsageError('--sample must be more than 0');
  return { options, json: values.json, out: values.out ?? null };
}
