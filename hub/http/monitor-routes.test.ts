// The monitor's data is for leads only, on the socket and over HTTP; the CSV export's period, content and
// escaping against spreadsheet formulas.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../shared/handoff-api.js';
import { MONITOR_CSV_PATH, MONITOR_PATH } from '../../shared/monitor-api.js';
import { MONITOR_CSV_COLUMNS, monitorSnapshotSchema } from '../../shared/monitor.js';
import { api, connectorRecordingIds, signIn, testHubForFile } from '../testing/hub-fixture.js';
import { act, clockTo, postHandoff } from '../testing/monitor-script.js';

const stockholm = (local: string) => Date.parse(`${local}+01:00`);
const utc = (local: string) => new Date(stockholm(local)).toISOString();
const hub = testHubForFile(
  [
    ['alva@example.com', 'Alva Sund'],
    ['lena@example.com', 'Lena Lead', 'lead'],
  ],
  { startAt: stockholm('2026-03-09T23:59:59') },
);
const { connectAs } = connectorRecordingIds(hub);

const PERIOD = { from: '2026-03-10T00:00:00+01:00', to: '2026-03-11T00:00:00+01:00' };
const csvQuery = (query: Record<string, string>) =>
  `${MONITOR_CSV_PATH}?${new URLSearchParams(query).toString()}`;
const errorOf = async (response: Response) => apiErrorSchema.parse(await response.json());

describe('who may see the monitor', () => {
  it('refuses agents on the socket with forbidden, naming their role; leads get the figures', async () => {
    const alva = await connectAs('alva@example.com');
    const lena = await connectAs('lena@example.com');
    const refusal = await alva.request('monitor:get', {});
    expect(refusal).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: expect.stringMatching(/lead.*Alva Sund is signed in as an agent/),
      },
    });
    expect(await alva.request('monitor:export', PERIOD)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('an agent') },
    });
    expect(await lena.request('monitor:get', {})).toMatchObject({
      ok: true,
      value: { timeZone: 'Europe/Stockholm' },
    });
    expect(await lena.request('monitor:export', { from: PERIOD.to, to: PERIOD.from })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('to: to must be after from') },
    });
  });

  it('answers 401 without a valid session token, 403 to agents, and the figures to leads over HTTP', async () => {
    const agent = await signIn(hub.url, 'alva@example.com');
    const lead = await signIn(hub.url, 'lena@example.com');
    for (const path of [MONITOR_PATH, csvQuery(PERIOD)]) {
      const anonymous = await api(hub.url, path, { token: null });
      expect(anonymous.status).toBe(401);
      expect((await errorOf(anonymous)).message).toMatch(/session token/);
      // An integration token is not a console session.
      expect((await api(hub.url, path)).status).toBe(401);
      const forbidden = await api(hub.url, path, { token: agent.token });
      expect(forbidden.status).toBe(403);
      expect(await errorOf(forbidden)).toEqual({
        error: 'forbidden',
        message: 'Only a lead can read the queue monitor; alva@example.com is signed in as an agent.',
      });
    }
    const figures = await api(hub.url, MONITOR_PATH, { token: lead.token });
    expect(figures.status).toBe(200);
    expect(monitorSnapshotSchema.parse(await figures.json())).toMatchObject({
      computedAt: new Date(hub.now()).toISOString(),
      dayStart: utc('2026-03-09T00:00:00'),
    });
    expect((await api(hub.url, '/api/v1/sessions', { method: 'DELETE', token: lead.token })).status).toBe(
      204,
    );
    expect((await api(hub.url, MONITOR_PATH, { token: lead.token })).status).toBe(401);
  });

  it('names each bad CSV parameter with 400', async () => {
    const lead = await signIn(hub.url, 'lena@example.com');
    const problems = async (query: Record<string, string>) => {
      const response = await api(hub.url, csvQuery(query), { token: lead.token });
      expect(response.status).toBe(400);
      return (await errorOf(response)).issues?.map((issue) => issue.path);
    };
    expect(await problems({ from: PERIOD.from })).toEqual(['to']);
    expect(await problems({ from: 'yesterday', to: PERIOD.to })).toEqual(['from']);
    expect(await problems({ from: PERIOD.to, to: PERIOD.from })).toEqual(['to']);
    expect(await problems({ from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toEqual(['to']);
    expect(await problems({ ...PERIOD, format: 'xlsx' })).toEqual(['(body)']);
  });
});

describe('the CSV export', () => {
  it('has a row per conversation handed off in [from, to) with its outcome, and neutralises formulas', async () => {
    const alva = await connectAs('alva@example.com');
    // Just before the period, and exactly at its end: both left out.
    await postHandoff(hub, 'csv-before', { channel: 'sms', reason: 'knowledge_gap' });
    clockTo(hub, stockholm('2026-03-10T00:00:00'));
    await postHandoff(hub, 'csv-formula', {
      channel: 'web_chat',
      reason: '+cmd|calc',
      procedure: '-2+3',
      tags: ['@SUM(A1)', 'ok'],
      shopper: { name: '=HYPERLINK("http://evil.example","click")', email: 'eve@example.com' },
    });
    clockTo(hub, stockholm('2026-03-10T09:00:00'));
    await postHandoff(hub, 'csv-worked', {
      channel: 'email',
      reason: 'knowledge_gap',
      procedure: 'returns',
      tags: ['refund', 'damaged'],
      shopper: { name: 'Nora Ek, "VIP"', email: 'nora.ek@example.se', profileId: 'PROFILE-1' },
    });
    clockTo(hub, stockholm('2026-03-10T09:01:00'));
    await act(alva, { type: 'claim', conversationId: 'csv-worked' });
    clockTo(hub, stockholm('2026-03-10T09:03:00'));
    await act(alva, { type: 'reply', conversationId: 'csv-worked', text: 'Hej Nora!' });
    await act(alva, { type: 'set_tags', conversationId: 'csv-worked', tags: ['vip'] });
    clockTo(hub, stockholm('2026-03-10T09:30:00'));
    await act(alva, { type: 'resolve', conversationId: 'csv-worked', tags: ['refunded', 'damaged'] });
    clockTo(hub, stockholm('2026-03-10T10:00:00'));
    await postHandoff(hub, 'csv-waiting', {
      channel: 'sms',
      reason: 'shopper_asked',
      shopper: { phone: '+46701234567' },
    });
    clockTo(hub, stockholm('2026-03-11T00:00:00'));
    await postHandoff(hub, 'csv-after', { channel: 'sms', reason: 'knowledge_gap' });

    const lead = await signIn(hub.url, 'lena@example.com');
    const response = await api(hub.url, csvQuery(PERIOD), { token: lead.token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="conversations-2026-03-10-to-2026-03-10.csv"',
    );
    const csv = await response.text();
    expect(csv.split('\r\n')[0]).toBe(MONITOR_CSV_COLUMNS.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);

    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const empty = Object.fromEntries(MONITOR_CSV_COLUMNS.map((column) => [column, '']));
    expect(rows).toEqual([
      {
        ...empty,
        conversation_id: 'csv-formula',
        channel: 'web_chat',
        shopper_name: `'=HYPERLINK("http://evil.example","click")`,
        shopper_email: 'eve@example.com',
        escalated_at: utc('2026-03-10T00:00:00'),
        escalation_reason: "'+cmd|calc",
        procedure: "'-2+3",
        ai_tags: "'@SUM(A1); ok",
        status: 'queued',
      },
      {
        conversation_id: 'csv-worked',
        channel: 'email',
        shopper_name: 'Nora Ek, "VIP"',
        shopper_email: 'nora.ek@example.se',
        shopper_profile_id: 'PROFILE-1',
        escalated_at: utc('2026-03-10T09:00:00'),
        escalation_reason: 'knowledge_gap',
        procedure: 'returns',
        ai_tags: 'refund; damaged',
        status: 'resolved',
        assignee_email: 'alva@example.com',
        claimed_at: utc('2026-03-10T09:01:00'),
        first_response_at: utc('2026-03-10T09:03:00'),
        resolved_at: utc('2026-03-10T09:30:00'),
        first_response_seconds: '180',
        resolution_seconds: '1800',
        team_tags: 'vip',
        resolution_tags: 'refunded; damaged',
      },
      {
        ...empty,
        conversation_id: 'csv-waiting',
        channel: 'sms',
        escalated_at: utc('2026-03-10T10:00:00'),
        escalation_reason: 'shopper_asked',
        status: 'queued',
      },
    ]);

    // The console's request gives the same file.
    const lena = await connectAs('lena@example.com');
    expect(await lena.request('monitor:export', PERIOD)).toEqual({
      ok: true,
      value: { fileName: 'conversations-2026-03-10-to-2026-03-10.csv', csv },
    });
  });
});
