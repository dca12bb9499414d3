// The load soak: a real hub process on loopback, agent consoles (desk cores) and widget-speaking shoppers in
// worker processes, a conversation loop for a set time, then every acknowledged message checked by id — at the
// receiver and in the hub's own transcripts — with the hub's memory and CPU sampled from /proc throughout.
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startHubProcess } from '../e2e/fixtures/processes.js';
import { createAccount } from '../hub/app.js';
import { hubLogLength, hubMessageCounts } from './hub-check.js';
import { sampleHub, type HubSample } from './hub-metrics.js';
import { median, percentile, round, slope, thirds } from './stats.js';
import { startSoakWorker, type SoakWorker } from './worker-process.js';
import type { ConsoleReport, ShopperReport, SoakAccount } from './worker-protocol.js';

export interface SoakOptions {
  consoles: number;
  shoppers: number;
  durationS: number;
  /** Mean pause between a shopper reading a reply and sending its next message (jittered ±50 %). */
  thinkS: number;
  /** Seconds over which the shoppers arrive (default: the first fifth of the duration, inside the warm-up). */
  rampS?: number;
  /** Seconds after the sending stops for the last replies to arrive. */
  drainS: number;
  sampleEveryS: number;
  consolesPerWorker: number;
  shoppersPerWorker: number;
  /**
   * Where the consoles' caches go. Default: /dev/shm (tmpfs) when there is one, else the temp dir. Each console
   * commits every change it applies with a full fsync; on one machine 200 of them share a single disk, which in
   * real life are 200 laptops' disks, so memory stands in for those disks rather than queueing on one.
   */
  cacheParentDir?: string;
  /** Prints progress lines to stderr. */
  log?: (line: string) => void;
}

export const DEFAULT_SOAK_OPTIONS: SoakOptions = {
  consoles: 200,
  shoppers: 1_000,
  durationS: 300,
  thinkS: 30,
  drainS: 60,
  sampleEveryS: 5,
  consolesPerWorker: 50,
  shoppersPerWorker: 250,
};

/** Memory is flat when the median RSS of the run's last third is within this factor of its middle third's. */
export const RSS_GROWTH_LIMIT = 1.1;
/** The memory criterion needs this many samples in each third to mean anything. */
const MIN_SAMPLES_PER_THIRD = 3;
/** Consoles yield the CPU to the hub and the shoppers (see startSoakWorker). */
const CONSOLE_WORKER_NICENESS = 10;
const INTEGRATION_TOKEN = 'soak-integration-token-0123456789';
const AGENT_PASSWORD = 'soak-agent-password';
const STARTUP_MS = 15 * 60_000;
const REPORT_MS = 120_000;

export interface DirectionResult {
  sent: number;
  acknowledged: number;
  /** Acknowledged and received by the other side (by id, once). */
  delivered: number;
  /** Acknowledged but missing at the receiver, or not exactly once in the hub's transcript. */
  lost: number;
  lostIds: string[];
  /** Extra receipts of an id already received, ignored by id. */
  duplicatesIgnored: number;
  /** Acknowledged messages per second over the sending period. */
  throughputPerS: number;
  ackLatencyMs: { p50: number | null; p99: number | null; max: number | null };
}

export interface Criterion {
  name: string;
  passed: boolean;
  detail: string;
}

export interface SoakResult {
  runId: string;
  startedAt: string;
  options: Omit<SoakOptions, 'log'>;
  machine: { cpus: number; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  durationsS: { consoleStartup: number; sending: number; total: number };
  handedOff: number;
  claims: number;
  /** Changes in the hub's log at the end (null if unreadable), and so the changes all consoles applied together. */
  hubLog: { changes: number | null; consoleApplications: number | null };
  /** Desk events all consoles got together, by type. */
  consoleEventsByType: Record<string, number>;
  shopperToAgent: DirectionResult;
  agentToShopper: DirectionResult;
  unanswered: number;
  errors: { count: number; first: string[] };
  /** Per console worker: how late its event loop ran (a starved load generator, not the hub). */
  consoleWorkersEventLoopDelayMs: { p99: number; max: number }[];
  hub: {
    samples: { atS: number; rssMB: number; cpuPercent: number | null }[];
    warmUpEndsAtS: number | null;
    rssMB: { middleThirdMedian: number | null; lastThirdMedian: number | null; max: number | null };
    rssSlopeMBPerMin: number | null;
    cpuPercentDuringSending: number | null;
  };
  loadGeneratorCpuSeconds: { consoles: number; shoppers: number; orchestrator: number };
  criteria: Criterion[];
  passed: boolean;
}

const MB = 1024 * 1024;

function defaultCacheParentDir(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

async function createAgents(dataDir: string, count: number, runId: string): Promise<SoakAccount[]> {
  const accounts: SoakAccount[] = [];
  // One after another: each opens the hub's database next to the running hub.
  for (let index = 0; index < count; index += 1) {
    const email = `agent-${index}@${runId}.soak.test`;
    await createAccount(dataDir, {
      email,
      name: `Soak Agent ${index}`,
      role: 'agent',
      password: AGENT_PASSWORD,
    });
    accounts.push({ email, password: AGENT_PASSWORD, index });
  }
  return accounts;
}

function direction(
  sent: number,
  ackedIds: readonly string[],
  received: ReadonlySet<string>,
  hubCounts: ReadonlyMap<string, number>,
  duplicatesIgnored: number,
  latencies: readonly number[],
  sendingS: number,
): DirectionResult {
  const lostIds = ackedIds.filter((id) => !received.has(id) || hubCounts.get(id) !== 1);
  const latency = (p: number) => {
    const value = percentile(latencies, p);
    return value === null ? null : round(value);
  };
  return {
    sent,
    acknowledged: ackedIds.length,
    delivered: ackedIds.filter((id) => received.has(id)).length,
    lost: lostIds.length,
    lostIds: lostIds.slice(0, 50),
    duplicatesIgnored,
    throughputPerS: round(ackedIds.length / Math.max(1, sendingS)),
    ackLatencyMs: { p50: latency(50), p99: latency(99), max: latency(100) },
  };
}

function hubFigures(samples: HubSample[], sendingMs: number): SoakResult['hub'] {
  const during = samples.filter((sample) => sample.atMs <= sendingMs);
  const [, middle, last] = thirds(during);
  const steady = [...middle, ...last];
  const rss = (part: HubSample[]) => {
    const value = median(part.map((sample) => sample.rssBytes / MB));
    return value === null ? null : round(value);
  };
  const first = during[0];
  const final = during.at(-1);
  const rssSlope = slope(steady.map((sample) => ({ x: sample.atMs / 60_000, y: sample.rssBytes / MB })));
  return {
    samples: samples.map((sample, index) => {
      const previous = samples[index - 1];
      const cpu =
        previous && sample.atMs > previous.atMs
          ? ((sample.cpuSeconds - previous.cpuSeconds) / ((sample.atMs - previous.atMs) / 1000)) * 100
          : null;
      return {
        atS: round(sample.atMs / 1000),
        rssMB: round(sample.rssBytes / MB),
        cpuPercent: cpu === null ? null : round(cpu),
      };
    }),
    warmUpEndsAtS: middle[0] ? round(middle[0].atMs / 1000) : null,
    rssMB: {
      middleThirdMedian: rss(middle),
      lastThirdMedian: rss(last),
      max: during.length ? round(Math.max(...during.map((sample) => sample.rssBytes / MB))) : null,
    },
    rssSlopeMBPerMin: rssSlope === null ? null : round(rssSlope, 2),
    cpuPercentDuringSending:
      first && final && final.atMs > first.atMs
        ? round(((final.cpuSeconds - first.cpuSeconds) / ((final.atMs - first.atMs) / 1000)) * 100)
        : null,
  };
}

function judge(
  result: Omit<SoakResult, 'criteria' | 'passed'>,
  shoppers: number,
  samplesPerThird: number,
): Criterion[] {
  const { shopperToAgent: s2a, agentToShopper: a2s, hub } = result;
  const criteria: Criterion[] = [
    { name: 'no errors', passed: result.errors.count === 0, detail: `${result.errors.count} errors` },
    {
      name: 'every shopper reached an agent',
      passed: result.handedOff === shoppers,
      detail: `${result.handedOff} of ${shoppers}`,
    },
    {
      name: 'messages flowed both ways',
      passed: s2a.acknowledged > 0 && a2s.acknowledged > 0,
      detail: `${s2a.acknowledged} shopper messages, ${a2s.acknowledged} agent replies acknowledged`,
    },
    {
      name: 'nothing lost',
      passed: s2a.lost === 0 && a2s.lost === 0,
      detail: `${s2a.lost} shopper messages and ${a2s.lost} agent replies acknowledged but not delivered exactly once`,
    },
    {
      name: 'everything sent was acknowledged and answered',
      passed: s2a.sent === s2a.acknowledged && a2s.sent === a2s.acknowledged && result.unanswered === 0,
      detail: `${s2a.sent - s2a.acknowledged} shopper messages and ${a2s.sent - a2s.acknowledged} replies unacknowledged, ${result.unanswered} shoppers unanswered`,
    },
  ];
  const { middleThirdMedian: middle, lastThirdMedian: last } = hub.rssMB;
  if (samplesPerThird >= MIN_SAMPLES_PER_THIRD && middle !== null && last !== null) {
    criteria.push({
      name: 'hub memory flat after warm-up',
      passed: last <= middle * RSS_GROWTH_LIMIT,
      detail: `RSS median ${last} MB in the last third vs ${middle} MB in the middle third (limit ×${RSS_GROWTH_LIMIT})`,
    });
  }
  return criteria;
}

/** Runs the soak and returns its figures; `passed` says whether every criterion held. */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => {});
  const startedAt = new Date();
  const runId = `r${startedAt.getTime().toString(36)}`;
  const loadAverageAtStart = loadavg();
  const orchestratorCpuAtStart = process.cpuUsage();
  const cacheRoot = mkdtempSync(
    join(options.cacheParentDir ?? defaultCacheParentDir(), 'handoff-soak-consoles-'),
  );
  const hub = await startHubProcess({ demo: false, integrationTokens: [INTEGRATION_TOKEN] });
  const workers: SoakWorker[] = [];
  try {
    const hubPid = hub.pid;
    if (hubPid === null) throw new Error('the hub process has no pid');
    log(`hub ${hub.url} (pid ${hubPid}); creating ${options.consoles} agent accounts`);
    const accounts = await createAgents(hub.dataDir, options.consoles, runId);

    const consoleStartedAt = Date.now();
    const consoleWorkers = chunks(accounts, options.consolesPerWorker).map((group, index) => {
      const worker = startSoakWorker(
        `console worker ${index}`,
        'soak/console-worker.ts',
        CONSOLE_WORKER_NICENESS,
      );
      workers.push(worker);
      worker.send({
        kind: 'start',
        hubUrl: hub.url,
        accounts: group,
        consoleCount: options.consoles,
        cacheRoot,
      });
      return worker;
    });
    await Promise.all(consoleWorkers.map((worker) => worker.next('ready', STARTUP_MS)));
    const consoleStartup = (Date.now() - consoleStartedAt) / 1000;
    log(
      `${options.consoles} consoles online in ${round(consoleStartup)} s; starting ${options.shoppers} shoppers`,
    );

    const sendingStartedAt = Date.now();
    const sendingMs = options.durationS * 1000;
    const stopSendingAt = sendingStartedAt + sendingMs;
    const drainUntil = stopSendingAt + options.drainS * 1000;
    const sampler = sampleHub(hubPid, sendingStartedAt, options.sampleEveryS * 1000);
    const numbers = Array.from({ length: options.shoppers }, (_, number) => number);
    const shopperWorkers = chunks(numbers, options.shoppersPerWorker).map((group, index) => {
      const worker = startSoakWorker(`shopper worker ${index}`, 'soak/shopper-worker.ts');
      workers.push(worker);
      worker.send({
        kind: 'start',
        hubUrl: hub.url,
        shoppers: group,
        runId,
        // By default shoppers arrive over the first fifth of the run, which the warm-up (first third) covers.
        rampMs: Math.round(options.rampS === undefined ? sendingMs / 5 : options.rampS * 1000),
        stopSendingAt,
        thinkMs: Math.round(options.thinkS * 1000),
        drainUntil,
      });
      return worker;
    });
    const allDone = drainUntil - Date.now() + REPORT_MS;
    await Promise.all(shopperWorkers.map((worker) => worker.next('done', allDone)));
    const hubSamples = sampler.stop();
    log('shoppers done; collecting reports and checking the hub');

    for (const worker of workers) worker.send({ kind: 'report' });
    const consoleReports: ConsoleReport[] = await Promise.all(
      consoleWorkers.map((worker) => worker.next('consoleReport', REPORT_MS)),
    );
    const shopperReports: ShopperReport[] = await Promise.all(
      shopperWorkers.map((worker) => worker.next('shopperReport', REPORT_MS)),
    );
    const conversationIds = [
      ...new Set(consoleReports.flatMap((report) => Object.values(report.conversations))),
    ];
    const hubCounts = await hubMessageCounts(hub.url, INTEGRATION_TOKEN, conversationIds);
    const logChanges = hubLogLength(hub.dataDir);

    const sendingS = sendingMs / 1000;
    const shopperMessagesReceived = new Set(
      consoleReports.flatMap((report) => report.shopperMessagesReceived),
    );
    const repliesReceived = new Set(shopperReports.flatMap((report) => report.repliesReceived));
    const errors = [...consoleReports, ...shopperReports].flatMap((report) => report.errors);
    const cpuSeconds = (reports: { cpu: { userMicros: number; systemMicros: number } }[]) =>
      round(reports.reduce((sum, report) => sum + report.cpu.userMicros + report.cpu.systemMicros, 0) / 1e6);
    const orchestratorCpu = process.cpuUsage(orchestratorCpuAtStart);
    const hubResult = hubFigures(hubSamples, sendingMs);
    const samplesPerThird = Math.floor(hubSamples.filter((sample) => sample.atMs <= sendingMs).length / 3);
    const partial: Omit<SoakResult, 'criteria' | 'passed'> = {
      runId,
      startedAt: startedAt.toISOString(),
      options: {
        consoles: options.consoles,
        shoppers: options.shoppers,
        durationS: options.durationS,
        thinkS: options.thinkS,
        drainS: options.drainS,
        rampS: options.rampS ?? options.durationS / 5,
        sampleEveryS: options.sampleEveryS,
        consolesPerWorker: options.consolesPerWorker,
        shoppersPerWorker: options.shoppersPerWorker,
        cacheParentDir: dirname(cacheRoot),
      },
      machine: { cpus: cpus().length, loadAverageAtStart, loadAverageAtEnd: loadavg() },
      durationsS: {
        consoleStartup: round(consoleStartup),
        sending: sendingS,
        total: round((Date.now() - startedAt.getTime()) / 1000),
      },
      handedOff: shopperReports.reduce((sum, report) => sum + report.handedOff, 0),
      claims: consoleReports.reduce((sum, report) => sum + report.claims, 0),
      hubLog: {
        changes: logChanges,
        consoleApplications: logChanges === null ? null : logChanges * options.consoles,
      },
      shopperToAgent: direction(
        shopperReports.reduce((sum, report) => sum + report.messagesSent, 0),
        shopperReports.flatMap((report) => Object.keys(report.messagesAcked)),
        shopperMessagesReceived,
        hubCounts,
        consoleReports.reduce((sum, report) => sum + report.duplicateShopperMessages, 0),
        shopperReports.flatMap((report) => report.sendAckLatenciesMs),
        sendingS,
      ),
      agentToShopper: direction(
        consoleReports.reduce((sum, report) => sum + report.repliesSent, 0),
        consoleReports.flatMap((report) => Object.keys(report.repliesAcked)),
        repliesReceived,
        hubCounts,
        shopperReports.reduce((sum, report) => sum + report.duplicateReplies, 0),
        consoleReports.flatMap((report) => report.replyAckLatenciesMs),
        sendingS,
      ),
      consoleEventsByType: consoleReports.reduce<Record<string, number>>((sum, report) => {
        for (const [type, count] of Object.entries(report.eventsByType)) sum[type] = (sum[type] ?? 0) + count;
        return sum;
      }, {}),
      unanswered: shopperReports.reduce((sum, report) => sum + report.unanswered, 0),
      errors: { count: errors.length, first: errors.slice(0, 20) },
      hub: hubResult,
      consoleWorkersEventLoopDelayMs: consoleReports.map((report) => report.eventLoopDelayMs),
      loadGeneratorCpuSeconds: {
        consoles: cpuSeconds(consoleReports),
        shoppers: cpuSeconds(shopperReports),
        orchestrator: round((orchestratorCpu.user + orchestratorCpu.system) / 1e6),
      },
    };
    const criteria = judge(partial, options.shoppers, samplesPerThird);
    return { ...partial, criteria, passed: criteria.every((criterion) => criterion.passed) };
  } finally {
    await Promise.allSettled(workers.map((worker) => worker.close(30_000)));
    await hub.stop('SIGTERM');
    rmSync(cacheRoot, { recursive: true, force: true });
    rmSync(hub.dataDir, { recursive: true, force: true });
  }
}
