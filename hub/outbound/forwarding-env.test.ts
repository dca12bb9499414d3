import { describe, expect, it } from 'vitest';
import { DEFAULT_FORWARDED_METRICS } from '../../shared/outbound.js';
import { forwardingFromEnv } from './forwarding-env.js';

describe('forwarding from the environment', () => {
  it('is off without HUB_FORWARD_URL, and forwards the outcome events by default', () => {
    expect(forwardingFromEnv({})).toBeNull();
    expect(forwardingFromEnv({ HUB_FORWARD_URL: '', HUB_FORWARD_KEY: 'k' })).toBeNull();
    expect(forwardingFromEnv({ HUB_FORWARD_URL: 'https://a.klaviyo.com', HUB_FORWARD_KEY: 'pk_1' })).toEqual({
      url: 'https://a.klaviyo.com',
      key: 'pk_1',
      metrics: [...DEFAULT_FORWARDED_METRICS],
    });
    expect(DEFAULT_FORWARDED_METRICS).toEqual([
      'Handoff Accepted',
      'Handoff Resolved',
      'Handoff Transferred',
      'Handoff Pending',
      'Handoff Snoozed',
      'Handoff Reopened',
      'Handoff Missed',
    ]);
  });

  it('takes a comma-separated metric list', () => {
    const config = forwardingFromEnv({
      HUB_FORWARD_URL: 'http://127.0.0.1:9000',
      HUB_FORWARD_KEY: 'pk_1',
      HUB_FORWARD_METRICS: ' Handoff Resolved, Conversation Escalated ,',
    });
    expect(config?.metrics).toEqual(['Handoff Resolved', 'Conversation Escalated']);
  });

  it('names each bad variable', () => {
    expect(() => forwardingFromEnv({ HUB_FORWARD_URL: 'https://a.klaviyo.com' })).toThrow(/HUB_FORWARD_KEY/);
    expect(() => forwardingFromEnv({ HUB_FORWARD_URL: 'ftp://a.klaviyo.com', HUB_FORWARD_KEY: 'k' })).toThrow(
      /HUB_FORWARD_URL: an http\(s\) URL/,
    );
    expect(() =>
      forwardingFromEnv({
        HUB_FORWARD_URL: 'https://a.klaviyo.com',
        HUB_FORWARD_KEY: 'k',
        HUB_FORWARD_METRICS: 'A,A',
      }),
    ).toThrow(/HUB_FORWARD_METRICS: each metric once/);
  });
});
