// Placeholder until this scenario is built: it fails, so the run reports the figure as missing.
import type { Scenario } from '../scenario.js';

export const handoffToConsoleScenario: Scenario = {
  name: 'handoff-to-console',
  run: () => Promise.reject(new Error('handoff-to-console: not built yet')),
};
