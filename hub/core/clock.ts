// Environment: Node (hub). The hub's notion of now, injectable so tests can move time without sleeping.
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export function isoAt(milliseconds: number): string {
  return new Date(milliseconds).toISOString();
}

/** Whole seconds from `from` to `to` (ISO strings), never negative. */
export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}
