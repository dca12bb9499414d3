import { describe, expect, it } from 'vitest';
import { eventsResponseSchema, handoffViewSchema } from '../../shared/handoff-api.js';
import {
  addAccount,
  api,
  connectDesk,
  handoffRequest,
  hubsClosedAfterEach,
  signIn,
  type DeskClient,
  type TestHub,
} from '../testing/hub-fixture.js';

const hubForTest = hubsClosedAfterEach();

async function teamHub(agents: [email: string, name: string][]) {
  const hub = await hubForTest();
  for (const [email, name] of agents) await addAccount(hub, email, name);
  await addAccount(hub, 'lena@example.com', 'Lena Lead', 'lead');
  const connect = async (email: string) => {
    const session = await signIn(hub.url, email);
    return { id: session.account.id, desk: await connectDesk(hub.url, session.token) };
  };
  // The lead administers from an away console, so routing never picks her.
  const lead = await connect('lena@example.com');
  await lead.desk.request('presence:set', { presence: 'away' });
  return { hub, lead: lead.desk, connect };
}

async function handOff(hub: TestHub, conversationId: string) {
  hub.advance(1000); // each handoff waits a little longer than the next
  expect((await api(hub.url, '/api/v1/handoffs', { body: handoffRequest(conversationId) })).status).toBe(201);
}

const viewOf = async (hub: TestHub, id: string) =>
  handoffViewSchema.parse(await (await api(hub.url, `/api/v1/handoffs/${id}`)).json());
const assigneeOf = async (hub: TestHub, id: string) => (await viewOf(hub, id)).assignee?.email ?? null;

describe('auto-assign', () => {
  it('gives the oldest waiting conversation to an online agent under capacity; away and offline agents get none', async () => {
    const { hub, lead, connect } = await teamHub([
      ['alva@example.com', 'Alva Sund'],
      ['ben@example.com', 'Ben Carter'],
      ['cleo@example.com', 'Cleo Dahl'],
    ]);
    const alva = await connect('alva@example.com');
    const ben = await connect('ben@example.com');
    await ben.desk.request('presence:set', { presence: 'away' });
    // Cleo never connects: offline.

    await handOff(hub, 'conv-1');
    await handOff(hub, 'conv-2');
    // Off by default: both wait.
    expect([await assigneeOf(hub, 'conv-1'), await assigneeOf(hub, 'conv-2')]).toEqual([null, null]);

    const update = await lead.request('settings:update', {
      patch: { autoAssign: true, defaultCapacity: 2, capacityByAgent: { [alva.id]: 1 } },
    });
    expect(update).toMatchObject({ ok: true, value: { autoAssign: true } });
    // Turning it on assigns at once: the oldest to Alva, then she is at capacity.
    await expect.poll(() => assigneeOf(hub, 'conv-1')).toBe('alva@example.com');
    expect(await viewOf(hub, 'conv-2')).toMatchObject({ status: 'queued', assignee: null });

    const events = eventsResponseSchema.parse(
      await (await api(hub.url, '/api/v1/events?conversationId=conv-1')).json(),
    ).events;
    expect(events.find((event) => event.metric === 'Handoff Accepted')?.properties).toMatchObject({
      agent_id: alva.id,
      assignment: 'auto_assign',
    });
    await expect
      .poll(() => alva.desk.member('alva@example.com'))
      .toMatchObject({ openCount: 1, capacity: 1 });

    // Ben comes back online: the waiting one goes to him.
    await ben.desk.request('presence:set', { presence: 'online' });
    await expect.poll(() => assigneeOf(hub, 'conv-2')).toBe('ben@example.com');

    // A new handoff goes to whoever has room (Ben 1/2), the next waits (Alva 1/1, Ben 2/2, Cleo offline).
    await handOff(hub, 'conv-3');
    await expect.poll(() => assigneeOf(hub, 'conv-3')).toBe('ben@example.com');
    await handOff(hub, 'conv-4');
    await handOff(hub, 'conv-5');
    expect(await assigneeOf(hub, 'conv-4')).toBeNull();

    // A manual claim always works, even over capacity.
    expect(await alva.desk.command({ id: 'claim-4', type: 'claim', conversationId: 'conv-4' })).toMatchObject(
      {
        ok: true,
        conversation: { assignee: { email: 'alva@example.com' } },
      },
    );
    await expect
      .poll(() => alva.desk.member('alva@example.com'))
      .toMatchObject({ openCount: 2, capacity: 1 });
    expect(await assigneeOf(hub, 'conv-5')).toBeNull();

    // Capacity freed: Ben resolves one and gets the waiting conversation.
    await ben.desk.command({ id: 'resolve-2', type: 'resolve', conversationId: 'conv-2' });
    await expect.poll(() => assigneeOf(hub, 'conv-5')).toBe('ben@example.com');

    // Pending counts against capacity too; going away stops new assignments.
    await ben.desk.command({
      id: 'pending-3',
      type: 'set_status',
      conversationId: 'conv-3',
      status: 'pending',
    });
    await ben.desk.request('presence:set', { presence: 'away' });
    await handOff(hub, 'conv-6');
    await lead.request('settings:update', { patch: { defaultCapacity: 3 } });
    // Raising capacity re-runs routing, but Ben is away and Alva's own limit is 1.
    expect(await assigneeOf(hub, 'conv-6')).toBeNull();
    await ben.desk.request('presence:set', { presence: 'online' });
    await expect.poll(() => assigneeOf(hub, 'conv-6')).toBe('ben@example.com');
    expect(await viewOf(hub, 'conv-3')).toMatchObject({ status: 'pending' });
  });

  it('breaks ties by who has waited longest since their last assignment, then by id', async () => {
    const { hub, lead, connect } = await teamHub([
      ['dana@example.com', 'Dana Ek'],
      ['eli@example.com', 'Eli Falk'],
    ]);
    const dana = await connect('dana@example.com');
    const eli = await connect('eli@example.com');
    await lead.request('settings:update', { patch: { autoAssign: true } });
    const [first, second] = [dana, eli].sort((a, b) => a.id.localeCompare(b.id));
    const emailOf = (agent: { desk: DeskClient; id: string }) =>
      agent === dana ? 'dana@example.com' : 'eli@example.com';

    // Nobody assigned yet and no load: the lower id.
    await handOff(hub, 'tie-1');
    await expect.poll(() => assigneeOf(hub, 'tie-1')).toBe(emailOf(first!));
    // Fewer open conversations wins.
    await handOff(hub, 'tie-2');
    await expect.poll(() => assigneeOf(hub, 'tie-2')).toBe(emailOf(second!));
    // Equal load again: whoever got their last one longest ago.
    await handOff(hub, 'tie-3');
    await expect.poll(() => assigneeOf(hub, 'tie-3')).toBe(emailOf(first!));
  });

  it('routes the next waiting conversation when an erasure frees an agent', async () => {
    const { hub, lead, connect } = await teamHub([['alva@example.com', 'Alva Sund']]);
    await connect('alva@example.com');
    await lead.request('settings:update', { patch: { autoAssign: true, defaultCapacity: 1 } });
    await handOff(hub, 'erase-1');
    await expect.poll(() => assigneeOf(hub, 'erase-1')).toBe('alva@example.com');
    await handOff(hub, 'erase-2');
    expect(await assigneeOf(hub, 'erase-2')).toBeNull();

    expect((await api(hub.url, '/api/v1/handoffs/erase-1', { method: 'DELETE' })).status).toBe(204);
    await expect.poll(() => assigneeOf(hub, 'erase-2')).toBe('alva@example.com');
  });
});
