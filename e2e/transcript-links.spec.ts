// Links in the console's transcript (web host): a shopper's http(s) URL is a link that opens in a new tab
// without an opener; javascript:, data: and markup in the same transcript stay visible text, no link, no script.
import { expect, postHandoff, queueRow, sampleHandoff, test, TEAM } from './fixtures/desk.js';
import { transcriptOf } from './fixtures/console.js';

test('transcript links: http(s) opens a new tab, every other scheme and markup stays text', async ({
  hub,
  openConsole,
}) => {
  const stamp = Date.now();
  const base = sampleHandoff(`links-${stamp}`, `links.${stamp}@example.se`);
  // A page on the hub itself: the new tab loads it over loopback.
  const safeUrl = `${hub.url}/api/v1/health`;
  const hostile = `javascript:alert(1) data:text/html,<b>x</b> <script>window.pwned=1</script>`;
  const handoff = {
    ...base,
    shopper: { ...base.shopper, name: `Linus Links ${stamp}` },
    transcript: [
      ...base.transcript,
      {
        id: `m3-${stamp}`,
        author: 'shopper',
        text: `My order page: ${safeUrl} and ${hostile}`,
        sentAt: new Date().toISOString(),
      },
    ],
  };
  expect((await postHandoff(hub.url, handoff)).status).toBe(201);
  const page = await openConsole(TEAM.alex.email);
  await queueRow(page, `Linus Links ${stamp}`).click();
  const transcript = transcriptOf(page);
  await expect(transcript).toContainText(hostile);

  const links = transcript.locator('.message-link');
  await expect(links).toHaveCount(1);
  const link = links.first();
  await expect(link).toHaveAttribute('href', safeUrl);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe(safeUrl);
  // noopener: the new tab cannot reach back into the console.
  expect(await tab.evaluate(() => window.opener)).toBeNull();
  // The console stays where it was.
  await expect(transcript).toContainText(hostile);
});
