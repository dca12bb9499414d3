// Placeholder until this scenario is built: it fails, so the run reports the figure as missing.
import type { Scenario } from '../scenario.js';

export const eventVisibleScenario: Scenario = {
  name: 'event-visible',
  run: () => Promise.reject(new Error('event-visible: not built yet')),
};
