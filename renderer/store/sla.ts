// Environment: browser. How long an unclaimed shopper may wait before the queue warns. One place for the
// thresholds: issue 5 makes them configurable.
export const SLA_WARNING_AFTER_MS = 2 * 60 * 1000;
export const SLA_BREACH_AFTER_MS = 5 * 60 * 1000;

export type SlaLevel = 'ok' | 'warning' | 'breach';

export function slaLevel(waitedMs: number): SlaLevel {
  if (waitedMs >= SLA_BREACH_AFTER_MS) return 'breach';
  if (waitedMs >= SLA_WARNING_AFTER_MS) return 'warning';
  return 'ok';
}
