// Placeholder until this scenario is built: it fails, so the run reports the figure as missing.
import type { Scenario } from '../scenario.js';

export const relayScenario: Scenario = {
  name: 'relay',
  run: () => Promise.reject(new Error('relay: not built yet')),
};
