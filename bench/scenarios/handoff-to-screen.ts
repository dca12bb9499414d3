// Placeholder until this scenario is built: it fails, so the run reports the figure as missing.
import type { Scenario } from '../scenario.js';

export const handoffToScreenScenario: Scenario = {
  name: 'handoff-to-screen',
  run: () => Promise.reject(new Error('handoff-to-screen: not built yet')),
};
