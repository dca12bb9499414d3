// Watching: a lead looks at a conversation that is not theirs read-only (what they open from the monitor,
// and whatever someone else has), with Reassign and Put back in queue only; agents never watch; a queued
// one opened from the queue stays the lead's to claim. Others see "(lead) is watching".
import { describe, expect, it } from 'vitest';
import { othersActivityLines } from '../features/team/OthersActivity.js';
import { reportActivityChanges } from '../platform/activity-reporter.js';
import { abilitiesIn, watchingActionsFor, watchingIn } from './watching.js';
import {
  conversation,
  lead,
  me,
  member,
  other,
  ready,
  scriptedDesk,
  snapshot,
} from './test-support/scripted-desk.js';

const leadSession = { account: lead, hubUrl: 'http://127.0.0.1:4710' };

async function leadDesk() {
  const desk = scriptedDesk(
    snapshot(
      [
        conversation('queued'),
        conversation('theirs', { status: 'open', assignee: other }),
        conversation('mine', { status: 'open', assignee: lead }),
        conversation('done', { status: 'resolved', assignee: other }),
      ],
      { session: leadSession },
    ),
  );
  await ready(desk);
  return desk;
}

describe('watching', () => {
  it("watches someone else's conversation read-only, with only Reassign", async () => {
    const desk = await leadDesk();
    desk.store.getState().openConversation('theirs');
    const state = desk.store.getState();
    expect(watchingIn(state, 'theirs')).toBe(true);
    expect(abilitiesIn(state, 'theirs')).toMatchObject({
      transfer: true,
      reply: false,
      note: false,
      resolve: false,
      pending: false,
      snooze: false,
      reopen: false,
      editTags: false,
      claim: false,
    });
    expect(watchingActionsFor(state.conversationsById.theirs!)).toEqual({ reassign: true, putBack: true });
  });

  it('lets a lead claim a queued one from the queue, but watches it when opened from the monitor', async () => {
    const desk = await leadDesk();
    desk.store.getState().openConversation('queued');
    expect(watchingIn(desk.store.getState(), 'queued')).toBe(false);
    expect(abilitiesIn(desk.store.getState(), 'queued').claim).toBe(true);

    desk.store.getState().setView('monitor');
    desk.store.getState().watchConversation('queued');
    const state = desk.store.getState();
    expect(state).toMatchObject({ view: 'desk', selectedConversationId: 'queued', queueTab: 'unassigned' });
    expect(watchingIn(state, 'queued')).toBe(true);
    expect(abilitiesIn(state, 'queued')).toMatchObject({ claim: false, note: false, transfer: true });
    // Nothing to put back: it is in the queue.
    expect(watchingActionsFor(state.conversationsById.queued!)).toEqual({ reassign: true, putBack: false });

    // Opened again from the queue: the lead's to claim once more.
    desk.store.getState().openConversation('queued');
    expect(watchingIn(desk.store.getState(), 'queued')).toBe(false);
  });

  it("never watches the lead's own conversation, and nothing of a resolved one can be moved", async () => {
    const desk = await leadDesk();
    desk.store.getState().watchConversation('mine');
    expect(watchingIn(desk.store.getState(), 'mine')).toBe(false);
    expect(abilitiesIn(desk.store.getState(), 'mine').reply).toBe(true);

    desk.store.getState().openConversation('done');
    expect(watchingIn(desk.store.getState(), 'done')).toBe(true);
    expect(watchingActionsFor(desk.store.getState().conversationsById.done!)).toEqual({
      reassign: false,
      putBack: false,
    });
  });

  it('stops watching when the conversation is given to the lead', async () => {
    const desk = await leadDesk();
    desk.store.getState().openConversation('theirs');
    desk.emit({
      type: 'conversation',
      conversation: conversation('theirs', { status: 'open', assignee: lead, version: 2 }),
    });
    expect(watchingIn(desk.store.getState(), 'theirs')).toBe(false);
  });

  it('never makes an agent watch', async () => {
    const desk = scriptedDesk(snapshot([conversation('theirs', { status: 'open', assignee: other })]));
    await ready(desk);
    desk.store.getState().watchConversation('theirs');
    expect(watchingIn(desk.store.getState(), 'theirs')).toBe(false);
  });

  it('reports the watched conversation to the team while it is on screen, and none behind the monitor', async () => {
    const desk = await leadDesk();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    const stop = reportActivityChanges(desk.store, desk.api, doc as unknown as Document);
    desk.store.getState().setView('monitor');
    desk.store.getState().watchConversation('theirs');
    desk.store.getState().setView('monitor');
    expect(desk.api.reportActivity.mock.calls.map(([report]) => report.conversationId)).toEqual([
      null,
      'theirs',
      null,
    ]);
    stop();
  });

  it('tells the assignee that a lead is watching, by the roster role', () => {
    const roster = [
      member({ id: lead.id, name: lead.name, role: 'lead' }),
      member({ id: other.id, name: other.name }),
    ];
    const activity = {
      conversationId: 'c1',
      viewers: [
        { agent: { id: lead.id, name: lead.name, email: lead.email }, typing: null },
        { agent: { id: other.id, name: other.name, email: other.email }, typing: null },
      ],
      shopperTyping: false,
    };
    expect(othersActivityLines(activity, me.id, roster, me.id).map((line) => [line.name, line.kind])).toEqual(
      [
        ['Bo Berg', 'viewing'],
        ['Maria Svensson', 'watching'],
      ],
    );
    // A lead looking at their own conversation is simply viewing it.
    expect(othersActivityLines(activity, me.id, roster, lead.id).map((line) => line.kind)).toEqual([
      'viewing',
      'viewing',
    ]);
  });
});
