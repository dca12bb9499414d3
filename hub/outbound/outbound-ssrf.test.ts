// The SSRF guard on a real hub: by default (no HUB_OUTBOUND_ALLOW_PRIVATE) a lead's webhook URL pointing at
// the cloud metadata address, a private or loopback host (however spelled) or a non-http scheme is refused
// with a 400 naming the problem; forwarding to one stops the start; and a name that resolved to a public
// address at subscription but to 127.0.0.1 at delivery (DNS rebinding) is refused at connection time, the
// receiver on 127.0.0.1 getting nothing and the delivery log saying why.
import { afterEach, describe, expect, it } from 'vitest';
import { METRICS } from '../../shared/events.js';
import { createdWebhookSchema, WEBHOOKS_PATH } from '../../shared/outbound.js';
import { ForwardingUrlError } from '../app.js';
import { api, hubsClosedAfterEach } from '../testing/hub-fixture.js';
import { forbiddenAddressReason, type HostResolver } from './outbound-address-policy.js';
import { errorOf, outboundHub } from './outbound-test-kit.js';
import { startReceiver, type TestReceiver } from './test-receiver.js';

const startHub = hubsClosedAfterEach();
const receivers: TestReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

/** A documentation-range stand-in for "some public address" (never dialled: the tests refuse first). */
const PUBLIC_ADDRESS = '93.184.216.34';

describe('forbiddenAddressReason', () => {
  it.each([
    ['169.254.169.254', /link-local/],
    ['10.1.2.3', /private/],
    ['172.16.0.1', /private/],
    ['192.168.1.1', /private/],
    ['127.0.0.1', /loopback/],
    ['127.255.0.9', /loopback/],
    ['0.0.0.0', /unspecified/],
    ['224.0.0.1', /multicast/],
    ['255.255.255.255', /broadcast/],
    ['::1', /loopback/],
    ['::', /unspecified/],
    ['fe80::1', /link-local/],
    ['fd12:3456::1', /unique local/],
    ['ff02::1', /multicast/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:a9fe:a9fe', /link-local/],
    ['::7f00:1', /IPv4-compatible/],
    ['64:ff9b::7f00:1', /NAT64 to a loopback/],
    ['64:ff9b::169.254.169.254', /NAT64 to a link-local/],
  ])('refuses %s', (address, reason) => {
    expect(forbiddenAddressReason(address)).toMatch(reason);
  });

  it.each([PUBLIC_ADDRESS, '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '64:ff9b::808:808'])(
    'allows %s',
    (address) => {
      expect(forbiddenAddressReason(address)).toBeNull();
    },
  );
});

describe('webhook URLs, by default', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a link-local/],
    ['http://10.0.0.5:8080/hook', /10\.0\.0\.5 is a private/],
    ['http://[::1]:4710/hook', /::1 is a loopback/],
    // The URL parser's other spellings of 127.0.0.1 end up as the address itself.
    ['http://2130706433/hook', /127\.0\.0\.1 is a loopback/],
    ['http://0x7f.1/hook', /127\.0\.0\.1 is a loopback/],
    ['http://localhost:4710/hook', /localhost resolves to (127\.0\.0\.1|::1), which is a loopback/],
    ['file:///etc/passwd', /url: an http\(s\) URL/],
    ['gopher://example.com/', /url: an http\(s\) URL/],
  ])('refuses %s with a 400 naming the problem', async (url, message) => {
    const { hub, leadToken } = await outboundHub(startHub, { outboundAllowPrivate: false });
    const response = await api(hub.url, WEBHOOKS_PATH, {
      body: { url, metrics: [METRICS.handoffMissed] },
      token: leadToken,
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.message).toMatch(message);
    expect(error.issues?.[0]?.path).toBe('url');
  });

  it('accepts a name that resolves to public addresses only', async () => {
    const resolver: HostResolver = async () => [{ address: PUBLIC_ADDRESS, family: 4 }];
    const { asLead } = await outboundHub(startHub, {
      outboundAllowPrivate: false,
      outboundResolver: resolver,
    });
    await asLead(WEBHOOKS_PATH, {
      method: 'POST',
      body: { url: 'https://hooks.example.com/in', metrics: [METRICS.handoffMissed] },
      status: 201,
      schema: createdWebhookSchema,
    });
  });

  it('refuses a name with any private address among its answers', async () => {
    const resolver: HostResolver = async () => [
      { address: PUBLIC_ADDRESS, family: 4 },
      { address: '10.9.8.7', family: 4 },
    ];
    const { hub, leadToken } = await outboundHub(startHub, {
      outboundAllowPrivate: false,
      outboundResolver: resolver,
    });
    const response = await api(hub.url, WEBHOOKS_PATH, {
      body: { url: 'https://mixed.example.com/in', metrics: [METRICS.handoffMissed] },
      token: leadToken,
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/mixed\.example\.com resolves to 10\.9\.8\.7/);
  });
});

describe('at connection time', () => {
  it('refuses a name that rebinds to 127.0.0.1 after subscription: the receiver gets nothing, the log says why', async () => {
    const receiver = await startReceiver({ now: () => Date.now(), keyOf: () => 'any' });
    receivers.push(receiver);
    // What the name answers now: public while the lead subscribes, loopback when the hub connects.
    let answer = PUBLIC_ADDRESS;
    const resolver: HostResolver = async () => [{ address: answer, family: 4 }];
    const outbound = await outboundHub(startHub, { outboundAllowPrivate: false, outboundResolver: resolver });
    const port = new URL(receiver.url).port;
    const created = await outbound.asLead(WEBHOOKS_PATH, {
      method: 'POST',
      body: { url: `http://rebind.example:${port}/hook`, metrics: [METRICS.handoffMissed] },
      status: 201,
      schema: createdWebhookSchema,
    });

    answer = '127.0.0.1';
    await outbound.handOff('conv-rebind');
    const [attempt] = await outbound.attemptsRecorded(1, created.id);
    expect(attempt).toMatchObject({ status: null, outcome: 'retrying' });
    expect(attempt!.error).toMatch(/^Refused: rebind\.example resolves to 127\.0\.0\.1, which is a loopback/);
    expect(receiver.requests).toHaveLength(0);
  });

  it('with HUB_OUTBOUND_ALLOW_PRIVATE the same receiver on 127.0.0.1 is reached (the guard is what refused)', async () => {
    const receiver = await startReceiver({ now: () => Date.now(), keyOf: () => 'any' });
    receivers.push(receiver);
    const outbound = await outboundHub(startHub, { outboundAllowPrivate: true });
    const created = await outbound.asLead(WEBHOOKS_PATH, {
      method: 'POST',
      body: { url: `${receiver.url}/hook`, metrics: [METRICS.handoffMissed] },
      status: 201,
      schema: createdWebhookSchema,
    });
    await outbound.handOff('conv-allowed');
    const [attempt] = await outbound.attemptsRecorded(1, created.id);
    expect(attempt).toMatchObject({ outcome: 'delivered', error: null });
    expect(receiver.requests).toHaveLength(1);
  });
});

describe('forwarding', () => {
  it('refuses to start with HUB_FORWARD_URL at the metadata address', async () => {
    await expect(
      startHub({
        forwarding: {
          url: 'http://169.254.169.254',
          key: 'pk_test',
          metrics: [METRICS.handoffMissed],
        },
      }),
    ).rejects.toThrow(ForwardingUrlError);
    await expect(
      startHub({
        forwarding: { url: 'http://127.0.0.1:9', key: 'pk_test', metrics: [METRICS.handoffMissed] },
      }),
    ).rejects.toThrow(/HUB_FORWARD_URL: 127\.0\.0\.1 is a loopback address/);
  });
});
