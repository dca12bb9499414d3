// Security headers, CORS and the request rate limit on a real hub: every answer (API, page, 404) carries the
// headers, the chat page's policy matches what the page itself declares, and only configured origins get CORS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../shared/handoff-api.js';
import { api, hubsClosedAfterEach, INTEGRATION_TOKEN } from '../testing/hub-fixture.js';

const startHub = hubsClosedAfterEach();
const chatPageSource = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'demo',
  'chat-page',
  'index.html',
);

/** A chat page folder holding the widget's real index.html (its meta CSP is what the built page declares). */
function chatPageDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-page-'));
  fs.copyFileSync(chatPageSource, path.join(dir, 'index.html'));
  return dir;
}

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name ?? '', sources.sort().join(' ')]),
  );
}

describe('security headers', () => {
  it('are on API answers, errors, 404s and the chat page', async () => {
    const hub = await startHub({ chatPageDir: chatPageDir() });
    const answers = await Promise.all([
      fetch(`${hub.url}/api/v1/health`),
      fetch(`${hub.url}/api/v1/sessions`, {
        method: 'POST',
        body: '{',
        headers: { 'content-type': 'application/json' },
      }),
      fetch(`${hub.url}/no/such/route`),
      fetch(`${hub.url}/chat/`),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 400, 404, 200]);
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(answer.headers.get('x-powered-by')).toBeNull();
      // Plain http: no HSTS promise.
      expect(answer.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('give the chat page a policy that allows exactly what the widget’s own meta policy allows', async () => {
    const hub = await startHub({ chatPageDir: chatPageDir() });
    const page = await fetch(`${hub.url}/chat/`);
    const header = directives(page.headers.get('content-security-policy') ?? '');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
      fs.readFileSync(chatPageSource, 'utf8'),
    );
    expect(meta, 'the chat page declares its policy in a meta tag').not.toBeNull();
    for (const [name, sources] of directives(meta?.[1] ?? '')) expect(header.get(name), name).toBe(sources);
    expect(header.get('script-src')).toBe("'self'");
    expect(header.get('object-src')).toBe("'none'");
  });
});

describe('CORS', () => {
  it('answers no origin by default', async () => {
    const hub = await startHub();
    const preflight = await fetch(`${hub.url}/api/v1/handoffs`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${hub.url}/api/v1/health`, { headers: { origin: 'https://shop.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows only the configured origins', async () => {
    const hub = await startHub({ corsOrigins: ['https://shop.example'] });
    const allowed = await fetch(`${hub.url}/api/v1/handoffs`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');

    const other = await fetch(`${hub.url}/api/v1/health`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('request rate limit', () => {
  it('answers 429 naming the limit once an address is over it, on every API', async () => {
    const hub = await startHub({ requestRateLimit: { max: 3, windowMs: 60_000 } });
    for (let request = 0; request < 3; request += 1) {
      expect((await fetch(`${hub.url}/api/v1/health`)).status).toBe(200);
    }
    const limited = await fetch(`${hub.url}/api/v1/health`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = apiErrorSchema.parse(await limited.json());
    expect(body.error).toBe('rate_limited');
    expect(body.message).toMatch(/Too many requests from this address: at most 3 per 60 seconds; retry in/);

    expect((await api(hub.url, '/api/v1/handoffs', { body: {}, token: INTEGRATION_TOKEN })).status).toBe(429);
    expect((await fetch(`${hub.url}/api/events`)).status).toBe(429);
  });

  it('is on by default and generous: the API keeps answering', async () => {
    const hub = await startHub();
    const answers = await Promise.all(Array.from({ length: 200 }, () => fetch(`${hub.url}/api/v1/health`)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(answers[0]?.headers.get('x-ratelimit-limit')).toBe('6000');
  });
});
