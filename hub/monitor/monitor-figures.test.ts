// A scripted day in Europe/Stockholm (CET, UTC+1 in early March) through the real hub, with every figure's
// answer worked out by hand: handoffs over the API, claims, replies, transfers and resolutions from consoles,
// chats the Customer Agent resolves itself, presence from connected consoles.
import { describe, expect, it, vi } from 'vitest';
import type { HourlyPoint, MonitorSnapshot } from '../../shared/monitor.js';
import { addAccount, connectorRecordingIds, hubsClosedAfterEach, signIn } from '../testing/hub-fixture.js';
import { act, chatResolvedByAi, clockTo, monitorOf, postHandoff } from '../testing/monitor-script.js';

const startHub = hubsClosedAfterEach();
/** A wall-clock time in Stockholm in March 2026 before DST (UTC+1), as epoch ms. */
const stockholm = (local: string) => Date.parse(`${local}+01:00`);
const utc = (local: string) => new Date(stockholm(local)).toISOString();
const march10 = (time: string) => stockholm(`2026-03-10T${time}`);

describe('the monitor over a scripted day', () => {
  it('gives the known answer for every figure, with the day starting at midnight in Stockholm', async () => {
    const hub = await startHub({ startAt: stockholm('2026-03-09T23:50:00') });
    await addAccount(hub, 'alva@example.com', 'Alva Sund');
    await addAccount(hub, 'ben@example.com', 'Ben Carter');
    await addAccount(hub, 'cleo@example.com', 'Cleo Berg');
    await addAccount(hub, 'lena@example.com', 'Lena Lead', 'lead');
    const { ids, connectAs } = connectorRecordingIds(hub);
    const cleo = (await signIn(hub.url, 'cleo@example.com')).account;
    const lena = await connectAs('lena@example.com');

    // Yesterday, just before midnight: a handoff (still waiting tomorrow) and a chat the AI resolves.
    clockTo(hub, stockholm('2026-03-09T23:59:30'));
    await postHandoff(hub, 'h0', { channel: 'sms', reason: 'shopper_asked' });
    clockTo(hub, stockholm('2026-03-09T23:59:50'));
    await chatResolvedByAi(hub, 'late@example.se');
    const beforeMidnight = await monitorOf(lena);
    expect(beforeMidnight).toMatchObject({
      dayStart: '2026-03-08T23:00:00.000Z',
      handoffsToday: 1,
      resolvedByAiToday: 1,
      waiting: 1,
    });

    // Midnight: a new day (pushed by the day-boundary timer), the handoff still waits.
    clockTo(hub, stockholm('2026-03-10T00:00:00'));
    await vi.waitFor(() => expect(lena.monitors.at(-1)?.dayStart).toBe('2026-03-09T23:00:00.000Z'));
    expect(lena.monitors.at(-1)).toMatchObject({
      computedAt: '2026-03-09T23:00:00.000Z',
      handoffsToday: 0,
      resolvedByAiToday: 0,
      resolutionRate: null,
      routedToTeam: null,
      waiting: 1,
      oldestWaitingSince: utc('2026-03-09T23:59:30'),
    });

    clockTo(hub, march10('07:55:00'));
    const alva = await connectAs('alva@example.com');
    const ben = await connectAs('ben@example.com');

    clockTo(hub, march10('08:00:00'));
    await postHandoff(hub, 'h1', { channel: 'web_chat', reason: 'knowledge_gap' });
    clockTo(hub, march10('08:01:00'));
    await act(alva, { type: 'claim', conversationId: 'h1' });
    clockTo(hub, march10('08:03:00'));
    await act(alva, { type: 'reply', conversationId: 'h1', text: 'Hej! Jag kollar.' });
    clockTo(hub, march10('08:10:00'));
    await postHandoff(hub, 'h2', { channel: 'sms', reason: 'refund_request' });
    clockTo(hub, march10('08:12:00'));
    await act(ben, { type: 'claim', conversationId: 'h2' });
    clockTo(hub, march10('08:20:00'));
    await act(ben, { type: 'reply', conversationId: 'h2', text: 'Hej!' });
    await postHandoff(hub, 'h3', { channel: 'email', reason: 'knowledge_gap' });
    clockTo(hub, march10('08:25:00'));
    await act(alva, { type: 'claim', conversationId: 'h3' });
    clockTo(hub, march10('08:30:00'));
    await act(alva, { type: 'resolve', conversationId: 'h1', tags: ['answered'] });
    clockTo(hub, march10('08:40:00'));
    await act(alva, { type: 'reply', conversationId: 'h3', text: 'Tack för ditt mejl.' });
    // An internal note is not a response.
    await act(alva, { type: 'note', conversationId: 'h3', text: 'Checking the warehouse' });

    clockTo(hub, march10('09:00:00'));
    await postHandoff(hub, 'h4', { channel: 'whatsapp', reason: 'shopper_asked' });
    clockTo(hub, march10('09:05:00'));
    // The lead hands it out from the queue.
    await act(lena, { type: 'transfer', conversationId: 'h4', toAgentId: ids['ben@example.com'] });
    clockTo(hub, march10('09:06:00'));
    await act(ben, { type: 'reply', conversationId: 'h4', text: 'Hi!' });
    clockTo(hub, march10('09:10:00'));
    await act(ben, { type: 'resolve', conversationId: 'h2', tags: [] });
    clockTo(hub, march10('09:20:00'));
    expect(await ben.request('presence:set', { presence: 'away' })).toEqual({ ok: true, value: {} });
    clockTo(hub, march10('09:30:00'));
    await postHandoff(hub, 'h5', { channel: 'web_chat', reason: 'knowledge_gap' });

    clockTo(hub, march10('10:00:00'));
    for (const shopper of ['a', 'b', 'c']) await chatResolvedByAi(hub, `${shopper}@example.se`);
    clockTo(hub, march10('10:30:00'));
    await postHandoff(hub, 'h7', { channel: 'sms', reason: 'knowledge_gap' });
    clockTo(hub, march10('10:45:00'));
    // The lead resolves one straight from the queue.
    await act(lena, { type: 'resolve', conversationId: 'h7', tags: ['spam'] });
    clockTo(hub, march10('10:50:00'));
    await act(alva, { type: 'transfer', conversationId: 'h3', toAgentId: null });
    clockTo(hub, march10('11:26:30'));
    await postHandoff(hub, 'h6', { channel: 'whatsapp', reason: 'refund_request' });

    clockTo(hub, march10('11:30:00'));
    const hourStart = (index: number) =>
      new Date(stockholm('2026-03-09T12:00:00') + index * 3_600_000).toISOString();
    const hourly: HourlyPoint[] = Array.from({ length: 24 }, (_, index) => ({
      hourStart: hourStart(index),
      handoffs: 0,
      waiting: index < 11 ? 0 : 1,
      firstResponseMedianSeconds: null,
      resolutionMedianSeconds: null,
    }));
    // Index 11 is 23:00 yesterday; index 12 + H is H:00 today.
    hourly[11] = { ...hourly[11]!, handoffs: 1 };
    hourly[20] = {
      ...hourly[20]!,
      handoffs: 3,
      firstResponseMedianSeconds: 600,
      resolutionMedianSeconds: 1800,
    };
    hourly[21] = {
      ...hourly[21]!,
      handoffs: 2,
      waiting: 2,
      firstResponseMedianSeconds: 360,
      resolutionMedianSeconds: 3600,
    };
    hourly[22] = { ...hourly[22]!, handoffs: 1, waiting: 3, resolutionMedianSeconds: 900 };
    hourly[23] = { ...hourly[23]!, handoffs: 1, waiting: 4 };
    const noResponses = { count: 0, medianSeconds: null, p90Seconds: null };

    const expected: MonitorSnapshot = {
      computedAt: utc('2026-03-10T11:30:00'),
      timeZone: 'Europe/Stockholm',
      dayStart: '2026-03-09T23:00:00.000Z',
      // h0 (yesterday), h3 (back in the queue), h5, h6.
      waiting: 4,
      oldestWaitingSince: utc('2026-03-09T23:59:30'),
      // Alva and Lena; Ben chose away, Cleo never connected.
      agentsOnline: 2,
      agents: [
        {
          id: ids['alva@example.com']!,
          name: 'Alva Sund',
          email: 'alva@example.com',
          role: 'agent',
          presence: 'online',
          openCount: 0,
          capacity: 5,
          handledToday: 1,
          firstResponseToday: { count: 2, medianSeconds: 180, p90Seconds: 1200 },
        },
        {
          id: ids['ben@example.com']!,
          name: 'Ben Carter',
          email: 'ben@example.com',
          role: 'agent',
          presence: 'away',
          openCount: 1,
          capacity: 5,
          handledToday: 1,
          firstResponseToday: { count: 2, medianSeconds: 360, p90Seconds: 600 },
        },
        {
          id: cleo.id,
          name: 'Cleo Berg',
          email: 'cleo@example.com',
          role: 'agent',
          presence: 'offline',
          openCount: 0,
          capacity: 5,
          handledToday: 0,
          firstResponseToday: noResponses,
        },
        {
          id: ids['lena@example.com']!,
          name: 'Lena Lead',
          email: 'lena@example.com',
          role: 'lead',
          presence: 'online',
          openCount: 0,
          capacity: 5,
          handledToday: 1,
          firstResponseToday: noResponses,
        },
      ],
      // h1–h7; h0 was yesterday.
      handoffsToday: 7,
      resolvedByAiToday: 3,
      resolutionRate: 0.3,
      routedToTeam: 0.7,
      // 180 (h1), 360 (h4), 600 (h2), 1200 (h3): nearest rank 2 and 4.
      firstResponse: { count: 4, medianSeconds: 360, p90Seconds: 1200 },
      // 900 (h7), 1800 (h1), 3600 (h2).
      resolution: { count: 3, medianSeconds: 1800, p90Seconds: 3600 },
      byChannel: [
        { channel: 'web_chat', handoffsToday: 2, waiting: 1 },
        { channel: 'sms', handoffsToday: 2, waiting: 1 },
        { channel: 'email', handoffsToday: 1, waiting: 1 },
        { channel: 'whatsapp', handoffsToday: 2, waiting: 1 },
      ],
      byReason: [
        { reason: 'knowledge_gap', handoffsToday: 4 },
        { reason: 'refund_request', handoffsToday: 2 },
        { reason: 'shopper_asked', handoffsToday: 1 },
      ],
      sla: {
        near: 0,
        breached: 2,
        // h0 was due at 00:09:30 (SMS, 10 min), h5 at 09:32 (web chat, 2 min); h6 (WhatsApp) is near at 11:30:30.
        conversations: [
          {
            conversationId: 'h0',
            channel: 'sms',
            shopper: 'Shopper h0',
            escalatedAt: utc('2026-03-09T23:59:30'),
            dueAt: utc('2026-03-10T00:09:30'),
            state: 'breached',
            assignee: null,
          },
          {
            conversationId: 'h5',
            channel: 'web_chat',
            shopper: 'Shopper h5',
            escalatedAt: utc('2026-03-10T09:30:00'),
            dueAt: utc('2026-03-10T09:32:00'),
            state: 'breached',
            assignee: null,
          },
        ],
      },
      hourly,
    };
    expect(await monitorOf(lena)).toEqual(expected);
    // The push after the last change carries the same figures.
    await vi.waitFor(() => expect(lena.monitors.at(-1)).toEqual(expected));
    // Agents never receive the monitor.
    expect(alva.monitors).toEqual([]);
    expect(ben.monitors).toEqual([]);
  });
});
