// The soak's results in words, for the terminal.
import type { DirectionResult, SoakResult } from './soak.js';

function directionLines(label: string, result: DirectionResult): string[] {
  const latency = result.ackLatencyMs;
  return [
    `${label}: sent ${result.sent}, acknowledged ${result.acknowledged}, delivered ${result.delivered}, lost ${result.lost}` +
      (result.duplicatesIgnored ? ` (${result.duplicatesIgnored} duplicate receipts ignored by id)` : ''),
    `  ${result.throughputPerS} msg/s; ack latency p50 ${latency.p50} ms, p99 ${latency.p99} ms, max ${latency.max} ms`,
  ];
}

export function soakSummary(result: SoakResult): string {
  const { options, hub } = result;
  const lines = [
    `Soak ${result.runId}: ${options.consoles} consoles, ${options.shoppers} shoppers, ${options.durationS} s of sending (think ${options.thinkS} s)`,
    `  machine: ${result.machine.cpus} CPUs, load ${result.machine.loadAverageAtStart.map((v) => v.toFixed(2)).join(' ')} → ${result.machine.loadAverageAtEnd.map((v) => v.toFixed(2)).join(' ')}`,
    `  consoles online after ${result.durationsS.consoleStartup} s; ${result.handedOff} shoppers handed off and claimed (${result.claims} claims); total ${result.durationsS.total} s`,
    `  hub log: ${result.hubLog.changes} changes, each applied by every console: ${result.hubLog.consoleApplications} applications in all`,
    `  console events: ${Object.entries(result.consoleEventsByType)
      .sort(([, a], [, b]) => b - a)
      .map(([type, count]) => `${type} ${count}`)
      .join(', ')}`,
    ...directionLines('Shopper → agent', result.shopperToAgent),
    ...directionLines('Agent → shopper', result.agentToShopper),
    `Hub: RSS median ${hub.rssMB.middleThirdMedian} MB (middle third) → ${hub.rssMB.lastThirdMedian} MB (last third), max ${hub.rssMB.max} MB, slope ${hub.rssSlopeMBPerMin} MB/min after warm-up (ends at ${hub.warmUpEndsAtS} s); CPU ${hub.cpuPercentDuringSending} % of one core while sending`,
    `Load generator CPU: consoles ${result.loadGeneratorCpuSeconds.consoles} s, shoppers ${result.loadGeneratorCpuSeconds.shoppers} s, orchestrator ${result.loadGeneratorCpuSeconds.orchestrator} s; console workers' event-loop delay p99/max ${result.consoleWorkersEventLoopDelayMs.map((delay) => `${delay.p99}/${delay.max}`).join(', ')} ms`,
    `Errors: ${result.errors.count}`,
    ...result.errors.first.map((error) => `  ${error}`),
    'Criteria:',
    ...result.criteria.map(
      (criterion) => `  ${criterion.passed ? 'PASS' : 'FAIL'} ${criterion.name}: ${criterion.detail}`,
    ),
    result.passed ? 'PASSED' : 'FAILED',
  ];
  return lines.join('\n');
}
