// The walking skeleton end to end: shopper ⇄ demo Customer Agent ⇄ hub ⇄ desk core ⇄ console, all real.
import {
  allEvents,
  eventsOf,
  expect,
  INTEGRATION_TOKEN,
  postHandoff,
  queueRow,
  sampleHandoff,
  test,
} from './fixtures/desk.js';

test('a shopper hands off, an agent claims, replies and resolves, and the stream records it', async ({
  hub,
  browser,
  openConsole,
}) => {
  const shopperEmail = `sam.${Date.now()}@example.com`;
  const shopper = await (await browser.newContext()).newPage();
  await shopper.goto(`${hub.url}/chat`);

  // The Customer Agent can't answer this, so it asks before handing off (web chat rule from the seeds).
  await shopper
    .getByRole('textbox', { name: 'Message' })
    .fill('Can you engrave my initials on a leather wallet?');
  await shopper.getByRole('button', { name: 'Send' }).click();
  await shopper.getByRole('button', { name: 'Yes, connect me with an agent' }).click();
  // No email known yet: the widget asks for one before the handoff.
  await shopper.getByRole('textbox', { name: 'Email' }).fill(shopperEmail);
  await shopper.getByRole('button', { name: 'Continue' }).click();
  await expect(
    shopper
      .getByRole('region', { name: /chat/i })
      .getByText(/waiting for an agent/i)
      .first(),
  ).toBeVisible();

  const agent = await openConsole('agent1@demo.test');
  const row = queueRow(agent, shopperEmail);
  await expect(row).toBeVisible();
  await row.click();
  const transcript = agent.getByRole('log', { name: 'Transcript' });
  await expect(transcript).toContainText('Can you engrave my initials on a leather wallet?');
  await expect(agent.getByRole('complementary', { name: 'Shopper' })).toContainText(shopperEmail);

  await agent.getByRole('button', { name: 'Claim' }).click();
  await agent
    .getByRole('textbox', { name: 'Reply' })
    .fill('Hi Sam! Yes, we can engrave up to three letters.');
  await agent.getByRole('button', { name: 'Send' }).click();

  await expect(shopper.getByText('Hi Sam! Yes, we can engrave up to three letters.')).toBeVisible();
  await expect(transcript.getByText('Delivered')).toBeVisible();

  await shopper.getByRole('textbox', { name: 'Message' }).fill('Great, please use S.K.L.');
  await shopper.getByRole('button', { name: 'Send' }).click();
  await expect(transcript).toContainText('Great, please use S.K.L.');

  await agent.getByRole('button', { name: 'Resolve' }).click();
  await agent.getByRole('textbox', { name: 'Tags' }).fill('engraving, upsell');
  await agent.getByRole('button', { name: 'Resolve conversation' }).click();
  await expect(agent.getByText('Resolved', { exact: true }).first()).toBeVisible();

  const escalated = (await allEvents(hub.url)).find(
    (e) => e.metric === 'Conversation Escalated' && e.profile.email === shopperEmail,
  );
  expect(escalated).toBeDefined();
  const conversationId = String(escalated!.properties.conversation_id);
  expect(escalated!.properties).toMatchObject({ channel: 'web_chat', conversation_id: conversationId });
  expect(typeof escalated!.properties.escalation_reason).toBe('string');

  const events = await eventsOf(hub.url, conversationId);
  const metrics = events.map((e) => e.metric);
  expect(metrics).toEqual(
    expect.arrayContaining([
      'Started Conversation',
      'Conversation Escalated',
      'Handoff Accepted',
      'Handoff Resolved',
    ]),
  );
  expect(metrics.indexOf('Conversation Escalated')).toBeLessThan(metrics.indexOf('Handoff Accepted'));
  expect(metrics.indexOf('Handoff Accepted')).toBeLessThan(metrics.indexOf('Handoff Resolved'));
  const accepted = events.find((e) => e.metric === 'Handoff Accepted')!;
  expect(accepted.properties).toMatchObject({ conversation_id: conversationId, channel: 'web_chat' });
  expect(accepted.properties.agent_id).toEqual(expect.any(String));
  expect(accepted.properties.wait_seconds).toEqual(expect.any(Number));
  const resolved = events.find((e) => e.metric === 'Handoff Resolved')!;
  expect(resolved.properties).toMatchObject({
    conversation_id: conversationId,
    channel: 'web_chat',
    agent_id: accepted.properties.agent_id,
    tags: ['engraving', 'upsell'],
  });
  expect(resolved.properties.first_response_seconds).toEqual(expect.any(Number));
  expect(resolved.properties.resolution_seconds).toEqual(expect.any(Number));
  expect(resolved.profile.email).toBe(shopperEmail);
});

test('a handoff posted to the API appears in a signed-in console without a reload', async ({
  hub,
  openConsole,
}) => {
  const agent = await openConsole('agent1@demo.test');
  const email = `maja.${Date.now()}@example.se`;
  const response = await postHandoff(hub.url, sampleHandoff(`api-${Date.now()}`, email));
  expect(response.status).toBe(201);

  const row = queueRow(agent, email);
  await expect(row).toBeVisible();
  await row.click();
  await expect(agent.getByRole('log', { name: 'Transcript' })).toContainText('Var är min beställning #4412?');
  await expect(agent.getByRole('complementary', { name: 'Shopper' })).toContainText(email);
});

test('two agents racing to claim: exactly one wins and the other is told who', async ({
  hub,
  openConsole,
}) => {
  const conversationId = `race-${Date.now()}`;
  expect((await postHandoff(hub.url, sampleHandoff(conversationId, 'race@example.se'))).status).toBe(201);
  const [first, second] = await Promise.all([
    openConsole('agent1@demo.test'),
    openConsole('agent2@demo.test'),
  ]);
  for (const page of [first, second]) {
    await queueRow(page, 'race@example.se').click();
    await expect(page.getByRole('button', { name: 'Claim' })).toBeEnabled();
  }

  // Click both buttons in the same instant: Playwright's click() waits for animation frames first, long enough
  // for one claim to land and remove the other's button. A direct DOM click races like two people do.
  const buttons = await Promise.all(
    [first, second].map((page) => page.getByRole('button', { name: 'Claim' }).elementHandle()),
  );
  await Promise.all(buttons.map((button) => button!.evaluate((element: HTMLElement) => element.click())));

  const outcomes = await Promise.all(
    [first, second].map(async (page) => {
      const reply = page.getByRole('textbox', { name: 'Reply' });
      const told = page
        .getByRole('alert')
        .filter({ hasText: /already claimed/i })
        .or(page.getByText(/^Assigned to (?!you)/));
      await expect(reply.or(told).first()).toBeVisible();
      return (await reply.isVisible()) ? 'won' : 'lost';
    }),
  );
  expect([...outcomes].sort()).toEqual(['lost', 'won']);

  const handoff = await fetch(`${hub.url}/api/v1/handoffs/${conversationId}`, {
    headers: { authorization: `Bearer ${INTEGRATION_TOKEN}` },
  });
  const { assignee } = (await handoff.json()) as { assignee: { name: string } };
  const loser = outcomes[0] === 'lost' ? first : second;
  await expect(
    loser
      .getByRole('alert')
      .or(loser.getByText(/^Assigned to (?!you)/))
      .first(),
  ).toContainText(assignee.name);
  await expect(loser.getByRole('textbox', { name: 'Reply' })).toHaveCount(0);
});
