// Placeholder until this scenario is built: it fails, so the run reports the figure as missing.
import type { Scenario } from '../scenario.js';

export const consoleColdStartScenario: Scenario = {
  name: 'console-cold-start',
  run: () => Promise.reject(new Error('console-cold-start: not built yet')),
};
