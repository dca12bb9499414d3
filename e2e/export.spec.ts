// Export: a conversation downloads as a text file a person can read (shopper, times, messages) and as JSON for
// programs, from the console's cache (so also while the hub is down).
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { conversationSchema } from '../shared/domain.js';
import { deskMessageSchema } from '../shared/desk-api.js';
import { expect, postHandoff, queueRow, sampleHandoff, test, TEAM } from './fixtures/desk.js';
import { claim, expectHubLost, sendReply, transcriptEntry } from './fixtures/console.js';

/** A message's time as the export prints it: this machine's local date and time to the second. */
function localDateTime(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

async function exportAs(page: Page, item: 'Export as text' | 'Export as JSON'): Promise<Download> {
  await page.getByRole('button', { name: 'Export' }).click();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  return downloaded;
}

async function contentOf(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

test('a conversation exports as readable text and as JSON, also with the hub down', async ({
  hub,
  startConsole,
}) => {
  const stamp = Date.now();
  const conversationId = `export-${stamp}`;
  const email = `export.${stamp}@example.se`;
  const handoff = sampleHandoff(conversationId, email);
  expect((await postHandoff(hub.url, handoff)).status).toBe(201);
  const page = (await startConsole(TEAM.alex.email)).page;
  await queueRow(page, email).click();
  await claim(page);
  const reply = `Din beställning #4412 skickades i morse med PostNord. (${stamp})`;
  await sendReply(page, reply);
  // Stored on the hub (SMS: sent, no delivery receipt here) before exporting.
  await expect(transcriptEntry(page, reply).locator('[data-delivery]')).toHaveAttribute(
    'data-delivery',
    'sent',
  );

  const text = await exportAs(page, 'Export as text');
  expect(text.suggestedFilename()).toMatch(/^conversation-\d{4}-\d{2}-\d{2}-maja-berg\.txt$/);
  const transcript = await contentOf(text);
  expect(transcript).toContain(email);
  expect(transcript).toContain('Maja Berg');
  expect(transcript).toContain(conversationId);
  for (const message of handoff.transcript) {
    expect(transcript).toContain(message.text);
    expect(transcript).toContain(localDateTime(message.sentAt));
  }
  expect(transcript).toContain(reply);
  expect(transcript).toContain(TEAM.alex.name);
  // Each message stands under its own time line: shopper, Customer Agent, then Alex, in order.
  const order = [handoff.transcript[0]!.text, handoff.transcript[1]!.text, reply].map((t) =>
    transcript.indexOf(t),
  );
  expect(order).toEqual([...order].sort((a, b) => a - b));

  // JSON from the cache alone: the hub is down.
  await hub.stop();
  await expectHubLost(page);
  const json = await exportAs(page, 'Export as JSON');
  expect(json.suggestedFilename()).toMatch(/^conversation-\d{4}-\d{2}-\d{2}-maja-berg\.json$/);
  const parsed = JSON.parse(await contentOf(json)) as { conversation: unknown; messages: unknown[] };
  const conversation = conversationSchema.parse(parsed.conversation);
  expect(conversation).toMatchObject({
    id: conversationId,
    status: 'open',
    shopper: { email, name: 'Maja Berg' },
    assignee: { email: TEAM.alex.email },
  });
  const messages = parsed.messages.map((message) => deskMessageSchema.parse(message));
  // The hub may add a system line (e.g. the office-hours auto-response); the people's messages come in order.
  const written = messages.filter((message) => message.author !== 'system');
  expect(written.map((message) => message.text)).toEqual([
    ...handoff.transcript.map((message) => message.text),
    reply,
  ]);
  expect(messages.every((message) => message.conversationId === conversationId)).toBe(true);
});
