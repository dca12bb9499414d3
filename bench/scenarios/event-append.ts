// Placeholder until this scenario is built: it fails, so the run reports the figure as missing.
import type { Scenario } from '../scenario.js';

export const eventAppendScenario: Scenario = {
  name: 'event-append',
  run: () => Promise.reject(new Error('event-append: not built yet')),
};
