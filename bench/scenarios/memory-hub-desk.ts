// Placeholder until this scenario is built: it fails, so the run reports the figure as missing.
import type { Scenario } from '../scenario.js';

export const memoryHubDeskScenario: Scenario = {
  name: 'memory-hub-desk',
  run: () => Promise.reject(new Error('memory-hub-desk: not built yet')),
};
