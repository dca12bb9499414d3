// Signing out from the store: plain, or removing this computer's cached conversations — refused while unsent
// work would be lost (the agent stays signed in and is told how much), then confirmed with discardUnsent.
import { describe, expect, it } from 'vitest';
import { setUiLanguage } from '../i18n/i18n.js';
import { conversation, me, ready, scriptedDesk, snapshot } from './test-support/scripted-desk.js';

const session = { account: me, hubUrl: 'http://127.0.0.1:4710' };

async function signedInDesk() {
  setUiLanguage('en');
  const desk = scriptedDesk(snapshot([conversation('c1')], { session }));
  await ready(desk);
  return desk;
}

describe('signing out', () => {
  it('keeps the cache unless asked, and forgets the account on screen', async () => {
    const desk = await signedInDesk();
    expect(await desk.store.getState().signOut()).toBe(true);
    expect(desk.api.signOut).toHaveBeenLastCalledWith({});
    expect(desk.store.getState()).toMatchObject({ session: null, conversationsById: {} });
  });

  it('stays signed in with the refusal in words when removing would lose unsent work, then discards it', async () => {
    const desk = await signedInDesk();
    desk.api.signOut.mockResolvedValueOnce({
      ok: false,
      error: { code: 'unsent_work', message: '2 unsent action(s) wait on this computer and would be lost.' },
    });
    expect(await desk.store.getState().signOut({ removeCache: true, discardUnsent: false })).toBe(false);
    expect(desk.store.getState().session).toEqual(session);
    expect(desk.store.getState().signOutError).toMatch(/^2 unsent action/);
    // The count is read again so the dialog can show how much would be lost.
    expect(desk.api.cacheInfo).toHaveBeenCalled();

    await desk.store.getState().prepareSignOut();
    expect(desk.store.getState().signOutError).toBeNull();
    expect(await desk.store.getState().signOut({ removeCache: true, discardUnsent: true })).toBe(true);
    expect(desk.api.signOut).toHaveBeenLastCalledWith({ removeCache: true, discardUnsent: true });
    expect(desk.store.getState()).toMatchObject({ session: null, signOutPending: false });
  });
});
