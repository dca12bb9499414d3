// How a live call's failures read for the agent: the codes the renderer acts on (offline, timeout, the hub's own).
import { describe, expect, it } from 'vitest';
import { HubOfflineError } from './hub-client.js';
import { runLiveRequest } from './live-request.js';

describe('runLiveRequest', () => {
  it("passes the hub's answer through, refusals included", async () => {
    expect(await runLiveRequest(async () => ({ ok: true, value: { n: 1 } }))).toEqual({
      ok: true,
      value: { n: 1 },
    });
    const refusal = {
      ok: false,
      error: { code: 'forbidden', message: 'Only a lead can change settings.' },
    } as const;
    expect(await runLiveRequest(async () => refusal)).toEqual(refusal);
  });

  it('says offline when not connected or dropped mid-call, timeout when the hub was too slow', async () => {
    const fail = (error: Error) => runLiveRequest(async () => Promise.reject(error));
    expect(await fail(new HubOfflineError())).toMatchObject({ ok: false, error: { code: 'offline' } });
    // socket.io's own words for an ack that never came, and for a socket closed while waiting.
    expect(await fail(new Error('operation has timed out'))).toMatchObject({
      ok: false,
      error: { code: 'timeout' },
    });
    expect(await fail(new Error('socket has been disconnected'))).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });
    expect(
      await fail(new Error("The hub's answer to audit:list was not understood: value: expected array")),
    ).toEqual({
      ok: false,
      error: { code: 'hub_unreachable', message: expect.stringContaining('audit:list') },
    });
  });
});
