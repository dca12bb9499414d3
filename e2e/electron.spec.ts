// The same flow in the real Electron shell. Runs wherever Electron's runtime is installed and a display exists;
// elsewhere (like the CI machines of this project, which cannot download the binary) it reports itself skipped.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { eventsOf, postHandoff, queueRow, sampleHandoff, DEMO_PASSWORD } from './fixtures/desk.js';
import { startHubProcess } from './fixtures/processes.js';

const repoRoot = join(import.meta.dirname, '..');

/** The Electron binary if it is already installed; never triggers a download. */
function installedElectron(): string | null {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = installedElectron();
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const skipReason = !binary
  ? "Electron's runtime is not installed on this machine (its binary cannot be downloaded here)"
  : !hasDisplay
    ? 'no display: run under xvfb-run to exercise the Electron window'
    : null;

test('in Electron: sign in, claim a handoff, reply and resolve', async () => {
  test.skip(skipReason !== null, skipReason ?? '');
  const hub = await startHubProcess();
  const app = await electron.launch({
    executablePath: binary!,
    args: [join(repoRoot, 'dist/electron/main.cjs')],
    env: {
      ...process.env,
      HUB_URL: hub.url,
      CONSOLE_DATA_DIR: mkdtempSync(join(tmpdir(), 'handoff-electron-')),
    },
  });
  try {
    const page = await app.firstWindow();
    await page.getByRole('textbox', { name: 'Hub URL' }).fill(hub.url);
    await page.getByRole('textbox', { name: 'Email' }).fill('agent1@demo.test');
    await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const conversationId = `electron-${Date.now()}`;
    expect((await postHandoff(hub.url, sampleHandoff(conversationId, 'electron@example.se'))).status).toBe(
      201,
    );
    await queueRow(page, 'electron@example.se').click();
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('textbox', { name: 'Reply' }).fill('Hej Maja! Din beställning skickas i dag.');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('log', { name: 'Transcript' })).toContainText(
      'Din beställning skickas i dag.',
    );
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByRole('button', { name: 'Resolve conversation' }).click();

    await expect
      .poll(async () => (await eventsOf(hub.url, conversationId)).map((e) => e.metric))
      .toEqual(['Conversation Escalated', 'Handoff Accepted', 'Handoff Resolved']);
  } finally {
    await app.close();
    await hub.stop();
  }
});
