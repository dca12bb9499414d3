// Placeholder until this scenario is built: it fails, so the run reports the figure as missing.
import type { Scenario } from '../scenario.js';

export const rendererMemoryScenario: Scenario = {
  name: 'renderer-memory',
  run: () => Promise.reject(new Error('renderer-memory: not built yet')),
};
