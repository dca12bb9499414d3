// Every scenario, in the order a run takes them.
import { cacheFillSearchScenario } from './scenarios/cache-fill-search.js';
import { catchUpScenario } from './scenarios/catch-up.js';
import { consoleColdStartScenario } from './scenarios/console-cold-start.js';
import { eventAppendScenario } from './scenarios/event-append.js';
import { eventVisibleScenario } from './scenarios/event-visible.js';
import { handoffToConsoleScenario } from './scenarios/handoff-to-console.js';
import { handoffToScreenScenario } from './scenarios/handoff-to-screen.js';
import { memoryHubDeskScenario } from './scenarios/memory-hub-desk.js';
import { relayScenario } from './scenarios/relay.js';
import { rendererMemoryScenario } from './scenarios/renderer-memory.js';
import { transcriptScrollScenario } from './scenarios/transcript-scroll.js';
import type { Scenario } from './scenario.js';

export const ALL_SCENARIOS: readonly Scenario[] = [
  relayScenario,
  eventAppendScenario,
  eventVisibleScenario,
  handoffToConsoleScenario,
  catchUpScenario,
  cacheFillSearchScenario,
  memoryHubDeskScenario,
  handoffToScreenScenario,
  transcriptScrollScenario,
  consoleColdStartScenario,
  rendererMemoryScenario,
];
