// Placeholder until this scenario is built: it fails, so the run reports the figure as missing.
import type { Scenario } from '../scenario.js';

export const catchUpScenario: Scenario = {
  name: 'catch-up',
  run: () => Promise.reject(new Error('catch-up: not built yet')),
};
