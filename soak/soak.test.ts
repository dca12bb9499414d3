// A small soak in the test suite so that `npm test` keeps the soak working: a real hub process, desk cores and
// widget-speaking shoppers in worker processes, every acknowledged message checked at the receiver and on the hub.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOAK_OPTIONS, runSoak } from './soak.js';

describe('load soak (small)', () => {
  it('hands every shopper to an agent and delivers every acknowledged message exactly once, without errors', async () => {
    const result = await runSoak({
      ...DEFAULT_SOAK_OPTIONS,
      consoles: 10,
      shoppers: 40,
      durationS: 10,
      thinkS: 1,
      drainS: 20,
      sampleEveryS: 1,
      consolesPerWorker: 5,
      shoppersPerWorker: 20,
    });
    expect(result.errors).toEqual({ count: 0, first: [] });
    expect(result.handedOff).toBe(40);
    for (const direction of [result.shopperToAgent, result.agentToShopper]) {
      expect(direction.acknowledged).toBeGreaterThan(0);
      expect(direction.sent).toBe(direction.acknowledged);
      expect(direction.delivered).toBe(direction.acknowledged);
      expect(direction.lostIds).toEqual([]);
    }
    // Every shopper message got exactly one reply.
    expect(result.agentToShopper.acknowledged).toBe(result.shopperToAgent.acknowledged);
    expect(result.unanswered).toBe(0);
    expect(result.hub.samples.length).toBeGreaterThan(0);
  }, 90_000);
});
