// HUB_TRUST_PROXY on a real hub: the per-address request limit counts the socket's peer by default, whatever
// X-Forwarded-For claims (a client cannot dodge the limit by making up addresses), and counts the client that
// a trusted reverse proxy names (so clients behind one proxy are not limited as one).
import { describe, expect, it } from 'vitest';
import { hubsClosedAfterEach } from '../testing/hub-fixture.js';

const startHub = hubsClosedAfterEach();
const LIMIT = { max: 3, windowMs: 60_000 };

/** The statuses of GET /api/v1/health sent with each X-Forwarded-For in turn. */
async function statusesFor(url: string, forwardedFor: string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const address of forwardedFor) {
    const response = await fetch(`${url}/api/v1/health`, { headers: { 'x-forwarded-for': address } });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

const FIVE_CLIENTS = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5'];

describe('trusted proxy', () => {
  it('ignores X-Forwarded-For by default: made-up client addresses are all counted as the peer', async () => {
    const hub = await startHub({ requestRateLimit: LIMIT });
    expect(await statusesFor(hub.url, FIVE_CLIENTS)).toEqual([200, 200, 200, 429, 429]);
  });

  it('ignores X-Forwarded-For from a peer outside HUB_TRUST_PROXY', async () => {
    const hub = await startHub({ requestRateLimit: LIMIT, trustProxy: ['10.0.0.0/8'] });
    expect(await statusesFor(hub.url, FIVE_CLIENTS)).toEqual([200, 200, 200, 429, 429]);
  });

  it('limits the client a trusted proxy names, each on its own', async () => {
    const hub = await startHub({ requestRateLimit: LIMIT, trustProxy: ['127.0.0.1'] });
    expect(await statusesFor(hub.url, FIVE_CLIENTS)).toEqual([200, 200, 200, 200, 200]);
    // One client through the proxy is still limited: the limit follows the named client.
    expect(await statusesFor(hub.url, Array(4).fill('198.51.100.7'))).toEqual([200, 200, 200, 429]);
  });
});
