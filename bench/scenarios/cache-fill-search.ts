// Placeholder until this scenario is built: it fails, so the run reports the figure as missing.
import type { Scenario } from '../scenario.js';

export const cacheFillSearchScenario: Scenario = {
  name: 'cache-fill-search',
  run: () => Promise.reject(new Error('cache-fill-search: not built yet')),
};
