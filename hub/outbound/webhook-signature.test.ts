// shared/outbound.ts's signWebhook / verifyWebhook against the Standard Webhooks reference vector, and each
// way a receiver refuses a delivery.
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from '../../shared/outbound.js';
import { webhookPayload } from './webhook-delivery.js';

// The reference libraries' test vector (standard-webhooks, libraries/javascript/src/webhook.test.ts).
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const event = {
  id: '0f1c1a52-5a8e-4d8e-9a37-3c2b1d0e9f10',
  position: 7,
  metric: 'Handoff Resolved',
  time: '2026-01-10T09:05:00.000Z',
  profile: { email: 'nora.ek@example.se', profileId: 'PROFILE-1' },
  properties: { conversation_id: 'conv-1', channel: 'sms' },
};
const SECRET = `whsec_${Buffer.alloc(32, 42).toString('base64')}`;
const NOW = Date.parse('2026-01-10T09:05:01.000Z');

async function signed(body = JSON.stringify(webhookPayload(event)), timestamp = Math.floor(NOW / 1000)) {
  return {
    body,
    headers: {
      'webhook-id': event.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': await signWebhook(SECRET, event.id, timestamp, body),
    },
  };
}

describe('webhook signatures (Standard Webhooks v1)', () => {
  it('signs exactly as the reference implementation', async () => {
    expect(await signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
    // The secret's prefix is optional.
    expect(await signWebhook(VECTOR.secret.slice(6), VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(
      VECTOR.signature,
    );
    const headers = {
      'Webhook-Id': VECTOR.id,
      'Webhook-Timestamp': String(VECTOR.timestamp),
      'Webhook-Signature': VECTOR.signature,
    };
    // The vector's body is not our payload: the signature matches, the shape does not.
    expect(
      await verifyWebhook(VECTOR.secret, headers, VECTOR.body, { now: VECTOR.timestamp * 1000 }),
    ).toMatchObject({
      ok: false,
      reason: 'bad_payload',
    });
  });

  it('accepts a signed delivery (plain headers or a Headers object, among several signatures) and returns its payload', async () => {
    const { body, headers } = await signed();
    expect(await verifyWebhook(SECRET, headers, body, { now: NOW })).toEqual({
      ok: true,
      payload: webhookPayload(event),
    });
    expect(await verifyWebhook(SECRET, new Headers(headers), body, { now: NOW })).toMatchObject({ ok: true });
    const rotated = {
      ...headers,
      'webhook-signature': `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v1a,abc ${headers['webhook-signature']}`,
    };
    expect(await verifyWebhook(SECRET, rotated, body, { now: NOW })).toMatchObject({ ok: true });
  });

  it('refuses a tampered body, a wrong secret, another id, old or future timestamps and missing headers', async () => {
    const { body, headers } = await signed();
    const reason = async (
      changed: Partial<typeof headers>,
      changedBody = body,
      options: { now?: number; secret?: string } = {},
    ) => {
      const result = await verifyWebhook(options.secret ?? SECRET, { ...headers, ...changed }, changedBody, {
        now: options.now ?? NOW,
      });
      return result.ok ? 'ok' : result.reason;
    };
    expect(await reason({}, body.replace('conv-1', 'conv-2'))).toBe('bad_signature');
    expect(await reason({}, `${body} `)).toBe('bad_signature');
    expect(await reason({}, body, { secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}` })).toBe(
      'bad_signature',
    );
    expect(await reason({ 'webhook-id': 'another-id' })).toBe('bad_signature');
    expect(await reason({ 'webhook-signature': 'v1,' })).toBe('bad_signature');
    // Five minutes is the tolerance either way.
    expect(await reason({}, body, { now: NOW + 5 * 60_000 })).toBe('ok');
    expect(await reason({}, body, { now: NOW + 5 * 60_000 + 1000 })).toBe('too_old');
    expect(await reason({}, body, { now: NOW - 5 * 60_000 - 1000 })).toBe('too_new');
    expect(await reason({ 'webhook-timestamp': 'yesterday' })).toBe('bad_timestamp');
    expect(await reason({ 'webhook-signature': '' })).toBe('missing_headers');
    const { 'webhook-id': _id, ...withoutId } = headers;
    expect(await verifyWebhook(SECRET, withoutId, body, { now: NOW })).toMatchObject({
      reason: 'missing_headers',
    });
    // A body re-signed by someone with the secret but for another id than its own is not taken.
    const other = await signed(JSON.stringify({ ...webhookPayload(event), id: 'not-the-header' }));
    expect(await verifyWebhook(SECRET, other.headers, other.body, { now: NOW })).toMatchObject({
      reason: 'bad_payload',
    });
  });
});
