// The console fully in Swedish for a browser with a Swedish locale (preferences' language "System"): sign-in,
// queue, conversation, shopper panel with the seed's Swedish metric names, and settings; no English labels
// left on those screens. And the shopper's chat widget in Swedish with ?lang=sv.
import { expect, test } from './fixtures/desk.js';
import { askForAgent, openShopperChat } from './fixtures/shopper.js';

/** English words of the console's own UI that must not appear anywhere in the Swedish console's text. */
const ENGLISH_UI =
  /\b(Unassigned|Mine|All open|Snoozed|Claim|Resolve|Transfer|Mark pending|Snooze|Reopen|Settings|Sign in|Sign out|Password|Shopper|Transcript|Reply|Send|Internal note|Waiting|Away|Keyboard shortcuts|Team settings|Save settings|Audit log|Language|Desktop notifications|Sound|Auto-assign|Capacity per agent|Past conversations|Recent events|AI tags|Add tag|Web chat|Asked for a person|AI could not answer|Email|Phone|Channel|Escalation reason|Procedure|Profile ID|Handed off|minutes? ago|seconds? ago|hours? ago|Connected|Not now|Enable desktop notifications|Signed in as)\b/;

/** The console's visible text minus the shoppers' and Customer Agent's own words (the demo data has English). */
async function uiText(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const node of clone.querySelectorAll('[data-message-id], .message__text, [data-user-content]'))
      node.remove();
    return clone.innerText;
  });
}

test('the console in Swedish: sign-in, queue, conversation, shopper panel and settings', async ({
  openConsole,
}) => {
  // The fixture signs in with the Swedish labels (Hubbens adress, E-post, Lösenord, Logga in).
  const maria = await openConsole('lead@demo.test', {
    locale: 'sv-SE',
    onSignInScreen: async (signIn) => {
      await expect(signIn.getByRole('button', { name: 'Logga in' })).toBeVisible();
      expect(await uiText(signIn)).not.toMatch(ENGLISH_UI);
    },
  });

  for (const tab of ['Otilldelade', 'Mina', 'Alla öppna'])
    await expect(maria.getByRole('tab', { name: new RegExp(`^${tab}`) })).toBeVisible();
  await expect(maria.getByRole('button', { name: 'Inställningar' })).toBeVisible();
  await expect(maria.getByRole('button', { name: 'Kortkommandon' })).toBeVisible();
  await expect(maria).toHaveTitle(/Handoff Desk/);

  await maria
    .getByRole('list', { name: 'Konversationer' })
    .getByRole('listitem')
    .filter({ hasText: 'Astrid Nilsson' })
    .click();
  await expect(maria.getByRole('log', { name: 'Konversation' })).toContainText('vasen var trasig');
  await expect(maria.getByRole('button', { name: 'Ta ärendet' })).toBeVisible();
  const shopper = maria.getByRole('complementary', { name: 'Kund' });
  await expect(shopper.getByText('Tidigare konversationer')).toBeVisible();
  await expect(shopper.getByText('Senaste händelser')).toBeVisible();
  await expect(shopper).toContainText('Konversation med Customer Agent Upptrappad');
  await expect(shopper.getByText('AI-taggar')).toBeVisible();

  await maria.getByRole('button', { name: 'Ta ärendet' }).click();
  await expect(maria.getByRole('radiogroup', { name: 'Skrivläge' })).toBeVisible();
  await expect(maria.getByRole('textbox', { name: 'Svar' })).toBeVisible();
  await expect(maria.getByRole('button', { name: 'Skicka' })).toBeVisible();
  for (const action of ['Lös', 'Flytta', 'Väntar på kund', 'Pausa'])
    await expect(maria.getByRole('button', { name: action, exact: true })).toBeVisible();
  await expect(maria.getByRole('group', { name: 'Taggar', exact: true })).toBeVisible();
  expect(await uiText(maria)).not.toMatch(ENGLISH_UI);

  await maria.getByRole('button', { name: 'Inställningar' }).click();
  const settings = maria.getByRole('dialog', { name: 'Inställningar' });
  await expect(settings.getByRole('combobox', { name: 'Språk' })).toBeVisible();
  await expect(settings.getByRole('checkbox', { name: 'Skrivbordsnotiser' })).toBeVisible();
  await expect(settings.getByText('Teaminställningar')).toBeVisible();
  await expect(settings.getByRole('checkbox', { name: 'Automatisk tilldelning' })).toBeVisible();
  await expect(settings.getByRole('spinbutton', { name: 'Kapacitet per handläggare' })).toBeVisible();
  await expect(settings.getByRole('radio', { name: 'Lämna inte över' })).toBeVisible();
  await expect(settings.getByRole('checkbox', { name: 'Öppettider' })).toBeVisible();
  await expect(settings.getByRole('textbox', { name: 'Autosvar' })).toBeVisible();
  await expect(settings.getByRole('button', { name: 'Spara inställningar' })).toBeVisible();
  await expect(settings.getByRole('table', { name: 'Ändringslogg' })).toBeVisible();
  expect(await uiText(maria)).not.toMatch(ENGLISH_UI);
});

test('the chat widget in Swedish with ?lang=sv', async ({ hub, browser }) => {
  const chat = await openShopperChat(browser, hub.url, { lang: 'sv' });
  await expect(chat.page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(chat.page.getByRole('region', { name: 'Chatta med Nordic Threads' })).toBeVisible();
  await expect(chat.page.getByRole('link', { name: 'Starta en ny konversation' })).toBeVisible();
  await askForAgent(chat, 'Kan ni gravera mina initialer på en plånbok?', `svensk.${Date.now()}@example.se`);
  await expect(chat.page.getByRole('status').filter({ hasText: 'Väntar på en handläggare…' })).toBeVisible();
  await expect(chat.page.getByRole('button', { name: 'Send' })).toHaveCount(0);
});
