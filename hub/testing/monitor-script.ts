// Environment: Node (hub tests). Steps of a scripted day for the monitor's tests, each through the real hub:
// handoffs over the integration API, console commands over /desk, a chat the demo Customer Agent resolves.
import { expect } from 'vitest';
import type { Channel, Shopper } from '../../shared/domain.js';
import { handoffViewSchema, type HandoffView } from '../../shared/handoff-api.js';
import type { MonitorSnapshot } from '../../shared/monitor.js';
import { api, connectChat, handoffRequest, type DeskClient, type TestHub } from './hub-fixture.js';

/** Moves the hub's clock forward to `atMs` (never back) and runs the timers due. */
export function clockTo(hub: TestHub, atMs: number): void {
  const step = atMs - hub.now();
  if (step < 0) throw new Error(`the clock is already past ${new Date(atMs).toISOString()}`);
  hub.advance(step);
}

export async function postHandoff(
  hub: TestHub,
  conversationId: string,
  options: { channel: Channel; reason: string; shopper?: Shopper; tags?: string[]; procedure?: string },
): Promise<HandoffView> {
  const response = await api(hub.url, '/api/v1/handoffs', {
    body: handoffRequest(conversationId, {
      channel: options.channel,
      shopper: options.shopper ?? {
        email: `${conversationId}@example.se`,
        name: `Shopper ${conversationId}`,
      },
      escalation: { reason: options.reason, procedure: options.procedure, tags: options.tags ?? [] },
    }),
  });
  expect(response.status).toBe(201);
  return handoffViewSchema.parse(await response.json());
}

let commandCount = 0;
/** A console command that must be accepted. */
export async function act(desk: DeskClient, command: Record<string, unknown>): Promise<void> {
  const result = await desk.command({ id: `cmd-${++commandCount}`, ...command });
  if (!result.ok)
    throw new Error(`${String(command.type)} refused: ${result.error.code} ${result.error.message}`);
}

/** A web chat the demo Customer Agent answers and then resolves on the shopper's thanks (no handoff). */
export async function chatResolvedByAi(hub: TestHub, email: string): Promise<void> {
  const chat = await connectChat(hub.url, { shopper: { email } });
  for (const [id, text] of [
    ['q', 'Hej! Vad kostar frakten?'],
    ['thanks', 'Tack, det var allt!'],
  ] as const) {
    const before = chat.messages.size;
    expect(await chat.emit('chat:send', { id, text })).toEqual({ ok: true });
    await expect.poll(() => chat.messages.size).toBeGreaterThanOrEqual(before + 2);
  }
  await expect.poll(() => chat.states.at(-1)?.status).toBe('resolved');
  chat.close();
}

/** The lead's figures now, asked over the socket. */
export async function monitorOf(lead: DeskClient): Promise<MonitorSnapshot> {
  const result = await lead.request('monitor:get', {});
  if (!result.ok) throw new Error(`monitor:get refused: ${result.error.message}`);
  return result.value;
}
