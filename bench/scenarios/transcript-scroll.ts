// Placeholder until this scenario is built: it fails, so the run reports the figure as missing.
import type { Scenario } from '../scenario.js';

export const transcriptScrollScenario: Scenario = {
  name: 'transcript-scroll',
  run: () => Promise.reject(new Error('transcript-scroll: not built yet')),
};
