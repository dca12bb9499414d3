// Sign-in rate limiting against a real hub: failures counted per account and per address, 429 with
// Retry-After once over the limit, the hub's clock moved (never slept) to open the next window.
import { describe, expect, it } from 'vitest';
import { apiErrorSchema, signInResponseSchema } from '../../shared/handoff-api.js';
import { addAccount, hubsClosedAfterEach, PASSWORD } from '../testing/hub-fixture.js';

const startHub = hubsClosedAfterEach();
const WINDOW_MS = 15 * 60_000;

function postSignIn(url: string, email: string, password: string) {
  return fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

async function failTimes(url: string, email: string, times: number): Promise<void> {
  for (let attempt = 0; attempt < times; attempt += 1) {
    expect((await postSignIn(url, email, 'wrong-password')).status).toBe(401);
  }
}

describe('sign-in rate limits', () => {
  it('locks an account after 10 failures, even for the right password, until its 15-minute window ends', async () => {
    const hub = await startHub();
    await addAccount(hub, 'ida@example.com', 'Ida');
    await failTimes(hub.url, 'ida@example.com', 10);

    const locked = await postSignIn(hub.url, 'IDA@example.com', PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(WINDOW_MS / 1000);
    const body = apiErrorSchema.parse(await locked.json());
    expect(body.error).toBe('too_many_sign_in_attempts');
    expect(body.message).toMatch(/Too many failed sign-ins for this account: try again in 900 seconds/);

    hub.advance(10 * 60_000);
    expect(Number((await postSignIn(hub.url, 'ida@example.com', PASSWORD)).headers.get('retry-after'))).toBe(
      300,
    );

    hub.advance(5 * 60_000);
    const after = await postSignIn(hub.url, 'ida@example.com', PASSWORD);
    expect(after.status).toBe(201);
    signInResponseSchema.parse(await after.json());
  });

  it('a right password resets the account’s count', async () => {
    const hub = await startHub();
    await addAccount(hub, 'ida@example.com', 'Ida');
    await failTimes(hub.url, 'ida@example.com', 9);
    expect((await postSignIn(hub.url, 'ida@example.com', PASSWORD)).status).toBe(201);
    await failTimes(hub.url, 'ida@example.com', 9);
    expect((await postSignIn(hub.url, 'ida@example.com', PASSWORD)).status).toBe(201);
  });

  it('locks one account without touching another', async () => {
    const hub = await startHub({ signInLimits: { perAccount: 3, perAddress: 50, windowMs: WINDOW_MS } });
    await addAccount(hub, 'ida@example.com', 'Ida');
    await addAccount(hub, 'bo@example.com', 'Bo');
    await failTimes(hub.url, 'ida@example.com', 3);
    expect((await postSignIn(hub.url, 'ida@example.com', PASSWORD)).status).toBe(429);
    expect((await postSignIn(hub.url, 'bo@example.com', PASSWORD)).status).toBe(201);
  });

  it('locks an address spraying many accounts, unknown emails included', async () => {
    const hub = await startHub({ signInLimits: { perAccount: 10, perAddress: 5, windowMs: WINDOW_MS } });
    await addAccount(hub, 'ida@example.com', 'Ida');
    for (let guess = 0; guess < 5; guess += 1) await failTimes(hub.url, `nobody${guess}@example.com`, 1);

    const locked = await postSignIn(hub.url, 'ida@example.com', PASSWORD);
    expect(locked.status).toBe(429);
    expect(apiErrorSchema.parse(await locked.json()).message).toMatch(/for this address/);

    hub.advance(WINDOW_MS);
    expect((await postSignIn(hub.url, 'ida@example.com', PASSWORD)).status).toBe(201);
  });
});
