// transcript_open_ms and scroll_frame_ms_p95: a 10,000-message conversation (1,000 with --quick) in the console in
// Chromium. Method: a real hub holds it (5,000 messages in the handoff, the API's limit, then shopper messages
// through the channel API) next to a short one; the web host signed in as an agent in headless Chromium (1280×800).
// Open: in the page, from the queue row's click until the animation frame that paints the transcript with its
// messages; opens alternate with the short conversation, the first is warm-up (it also loads the transcript into
// the console) and the figure is the median of the rest. Scroll: the open transcript is scrolled from top to
// bottom one viewport height per animation frame; the figure is the p95 of the frame intervals, in a second
// Chromium with frames unthrottled (UNTHROTTLED_FRAMES) so that an interval is the time the console took to
// produce the frame: at 60 Hz every interval was 16.7 ms ± timer jitter however little the page did (an idle
// page measured p95 16.8 ms), which hid the page's own cost. (Opens are timed in the ordinary Chromium: an
// unthrottled one draws frames back to back and slows everything else in the page down.) No baseline:
// both are judged against their goals (≤ 150 ms, ≤ 16.7 ms: a frame in time for a 60 Hz display).
import { median, percentile, round } from '../../soak/stats.js';
import type { Scenario } from '../scenario.js';
import { join } from 'node:path';
import { launchBenchChromium, UNTHROTTLED_FRAMES } from '../fixtures/console-in-chromium.js';
import { withHubAndChromium } from '../fixtures/hub-and-chromium.js';
import { seedLongConversation } from '../fixtures/long-conversation.js';
import { waitForUnassignedCount } from '../fixtures/queue-count.js';
import { seedConversations } from '../fixtures/seed-hub.js';
import { scrollTranscriptEndToEnd, timeTranscriptOpen } from '../fixtures/transcript-probes.js';

const OPEN_TIMEOUT_MS = 60_000;

export const transcriptScrollScenario: Scenario = {
  name: 'transcript-scroll',
  async run(context) {
    const messages = context.quick ? 1000 : 10_000;
    const opens = context.quick ? 3 : 7;
    const runId = `tscr${Date.now().toString(36)}`;
    const longId = `${runId}-long`;
    return withHubAndChromium(runId, async ({ hub, signIn }) => {
      await seedLongConversation(hub.url, hub.token, longId, messages);
      const [shortId] = await seedConversations(hub.url, hub.token, {
        count: 1,
        messagesPerConversation: 12,
        prefix: `${runId}-short`,
      });
      context.log(`seeded a ${messages}-message conversation`);
      const desk = await signIn(context.workDir);
      await waitForUnassignedCount(desk.page, 2, OPEN_TIMEOUT_MS);
      const samples: number[] = [];
      for (let open = 0; open < opens + 1; open += 1) {
        await timeTranscriptOpen(desk.page, shortId!, OPEN_TIMEOUT_MS);
        samples.push(await timeTranscriptOpen(desk.page, longId, OPEN_TIMEOUT_MS));
      }
      context.log(`opens: ${samples.map((ms) => ms.toFixed(0)).join(', ')} ms (the first is warm-up)`);
      const drawn = await desk.page.locator(`[role="log"] [data-message-id]`).count();
      if (drawn < messages)
        context.log(`note: the transcript holds ${drawn} message elements of ${messages} (virtualised)`);
      const unthrottled = await launchBenchChromium(UNTHROTTLED_FRAMES);
      let scroll;
      try {
        const scroller = await signIn(join(context.workDir, 'unthrottled'), unthrottled);
        await timeTranscriptOpen(scroller.page, longId, OPEN_TIMEOUT_MS);
        scroll = await scrollTranscriptEndToEnd(scroller.page, 100_000);
      } finally {
        await unthrottled.close();
      }
      const late = scroll.frameMs.filter((ms) => ms > 16.7).length;
      context.log(
        `scrolled ${scroll.scrollHeight} px in ${scroll.frameMs.length} frames (p50 ${round(median(scroll.frameMs)!)} ms), ` +
          `${late} longer than 16.7 ms (late for a 60 Hz display)`,
      );
      return {
        transcript_open_ms: { messages, value: round(median(samples.slice(1))!) },
        scroll_frame_ms_p95: round(percentile(scroll.frameMs, 95)!),
      };
    });
  },
};
