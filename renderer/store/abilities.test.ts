// The buttons and shortcuts an agent gets mirror the hub's rules.
import { describe, expect, it } from 'vitest';
import { abilitiesFor } from './abilities.js';
import { conversation, me, other } from './test-support/scripted-desk.js';

const lead = { ...other, role: 'lead' as const };

describe('abilities', () => {
  it('lets anyone claim a queued one; only a lead may transfer it', () => {
    expect(abilitiesFor(conversation('c'), me)).toMatchObject({
      claim: true,
      transfer: false,
      reply: false,
      note: true,
    });
    expect(abilitiesFor(conversation('c'), lead)).toMatchObject({ claim: true, transfer: true });
  });

  it('gives the assignee reply, resolve, pending, snooze and transfer', () => {
    expect(abilitiesFor(conversation('c', { status: 'open', assignee: me }), me)).toMatchObject({
      claim: false,
      reply: true,
      resolve: true,
      pending: true,
      snooze: true,
      transfer: true,
      reopen: false,
    });
  });

  it('keeps a non-assignee agent to notes; a lead can move it but not reply', () => {
    const theirs = conversation('c', { status: 'open', assignee: other });
    expect(abilitiesFor(theirs, me)).toMatchObject({
      reply: false,
      resolve: false,
      transfer: false,
      note: true,
    });
    const leadSees = abilitiesFor(conversation('c', { status: 'open', assignee: me }), lead);
    expect(leadSees).toMatchObject({ reply: false, transfer: true, pending: true, snooze: true });
  });

  it('offers reopen for pending, snoozed and resolved, and mark pending only when open', () => {
    for (const status of ['pending', 'snoozed', 'resolved'] as const) {
      const abilities = abilitiesFor(conversation('c', { status, assignee: me }), me);
      expect(abilities.reopen).toBe(true);
      expect(abilities.pending).toBe(false);
    }
    expect(abilitiesFor(conversation('c', { status: 'pending', assignee: me }), me).snooze).toBe(true);
  });

  it('offers nothing while the AI still has it or before sign-in', () => {
    expect(abilitiesFor(conversation('c', { status: 'with_ai' }), me).note).toBe(false);
    expect(abilitiesFor(conversation('c'), undefined).claim).toBe(false);
  });
});
