// Segments in the console, against a real hub: events posted through the Klaviyo-compatible API put the
// shopper in "Got a recommendation, no order since" (and the handoff in "Recently escalated") in the agent's
// shopper panel; a Placed Order takes the first away. A lead builds a segment in Settings and sees it counted;
// an agent has no builder. The lead's Integrations section shows forwarding's state.
import { DEMO_EVENTS_API_KEY, EVENTS_PATH } from '../shared/klaviyo-api.js';
import { eventBody, klaviyoFetch } from '../hub/klaviyo/events-api-test-kit.js';
import { expect, postHandoff, queueRow, sampleHandoff, test } from './fixtures/desk.js';
import { openSettings } from './fixtures/console.js';

/** One event for the shopper with `email`, posted as a Klaviyo client posts it. */
async function postKlaviyoEvent(
  hubUrl: string,
  event: { email: string; metric: string; properties: Record<string, unknown> },
): Promise<void> {
  const response = await klaviyoFetch(hubUrl, EVENTS_PATH, DEMO_EVENTS_API_KEY, {
    body: eventBody({ metric: event.metric, profile: { email: event.email }, properties: event.properties }),
  });
  expect(response.status, await response.text()).toBe(202);
}

test('a recommendation puts the shopper in a segment the agent sees; an order takes them out', async ({
  hub,
  openConsole,
}) => {
  const stamp = Date.now();
  const email = `segments.${stamp}@example.se`;
  const conversationId = `segments-${stamp}`;
  await postKlaviyoEvent(hub.url, {
    email,
    metric: 'Received Product Recommendation',
    properties: { conversation_id: conversationId, channel: 'sms', products: ['SKU-RAIN-JACKET'] },
  });
  const sample = sampleHandoff(conversationId, email);
  const handoff = { ...sample, escalation: { ...sample.escalation, reason: `Which size, order ${stamp}?` } };
  expect((await postHandoff(hub.url, handoff)).status).toBe(201);

  const alex = await openConsole('agent1@demo.test');
  await queueRow(alex, `Which size, order ${stamp}?`).click();
  const panel = alex.getByRole('complementary', { name: 'Shopper' });
  const segments = panel.getByRole('list', { name: 'The shopper’s segments' });
  await expect(segments.getByRole('listitem')).toHaveText([
    'Got a recommendation, no order since',
    'Recently escalated',
  ]);

  await postKlaviyoEvent(hub.url, {
    email,
    metric: 'Placed Order',
    properties: { order_id: `${stamp}`, total: 899 },
  });
  // The panel asks the hub again on Refresh (membership changed on the hub at once).
  await expect(async () => {
    await panel.getByRole('button', { name: 'Refresh segments' }).click();
    await expect(segments.getByRole('listitem')).toHaveText(['Recently escalated'], { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });

  // An agent has no Segments builder (nor the Integrations) in Settings.
  const settings = await openSettings(alex);
  await expect(settings.getByRole('heading', { name: 'Preferences' })).toBeVisible();
  await expect(settings.getByRole('heading', { name: 'Segments' })).toHaveCount(0);
  await expect(settings.getByRole('button', { name: 'New segment' })).toHaveCount(0);
  await expect(settings.getByRole('heading', { name: 'Integrations' })).toHaveCount(0);
});

test('a lead builds a segment in Settings and sees it counted; forwarding shows as off', async ({
  hub,
  openConsole,
}) => {
  const stamp = Date.now();
  const email = `ordered.${stamp}@example.se`;
  await postKlaviyoEvent(hub.url, { email, metric: 'Placed Order', properties: { order_id: `${stamp}` } });

  const maria = await openConsole('lead@demo.test');
  const settings = await openSettings(maria);
  const section = settings.getByRole('region', { name: 'Segments' });
  const table = section.getByRole('table', { name: 'Segments' });
  await expect(table.getByRole('row', { name: /Recently escalated/ })).toBeVisible();
  // Built-ins cannot be deleted.
  await expect(table.getByRole('button', { name: /^Delete segment/ })).toHaveCount(0);

  await section.getByRole('button', { name: 'New segment' }).click();
  const builder = section.getByRole('form', { name: 'New segment' });
  // Checked before sending: each problem next to its field.
  await builder.getByRole('spinbutton', { name: 'Times' }).fill('');
  await builder.getByRole('button', { name: 'Create segment' }).click();
  await expect(builder.getByRole('textbox', { name: 'Segment name' })).toHaveAccessibleDescription(
    /Give the segment a name/,
  );
  await expect(builder.getByRole('combobox', { name: 'Metric' })).toHaveAccessibleDescription(
    /Enter a metric name/,
  );
  await expect(builder.getByRole('spinbutton', { name: 'Times' })).toHaveAccessibleDescription(
    /whole number of times/,
  );

  const name = `Ordered ${stamp}`;
  await builder.getByRole('textbox', { name: 'Segment name' }).fill(name);
  await builder.getByRole('combobox', { name: 'Metric' }).fill('Placed Order');
  await builder.getByRole('radio', { name: 'At least' }).check();
  await builder.getByRole('spinbutton', { name: 'Times' }).fill('1');
  await builder.getByRole('spinbutton', { name: 'In the last (days)' }).fill('30');
  await builder.getByRole('button', { name: 'Create segment' }).click();
  await expect(builder).toHaveCount(0);
  const row = table.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('1 shopper');

  await row.getByRole('button', { name: `Delete segment ${name}` }).click();
  await expect(row).toHaveCount(0);

  const integrations = settings.getByRole('region', { name: 'Integrations' });
  await expect(integrations.getByRole('definition').first()).toHaveText('Off');
  await expect(integrations).toContainText('No webhook subscriptions.');
});
