// The shopper chat page: served from the built folder, and `/chat` keeps its query across the redirect.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../testing/hub-fixture.js';

let hub: TestHub;
beforeAll(async () => {
  const chatPageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-page-'));
  fs.writeFileSync(path.join(chatPageDir, 'index.html'), '<!doctype html><title>Chat</title>');
  hub = await startTestHub({ chatPageDir });
});
afterAll(() => hub.close());

describe('the chat page', () => {
  it('serves the built page under /chat/', async () => {
    const page = await fetch(`${hub.url}/chat/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Chat</title>');
  });

  it('redirects /chat to /chat/ keeping the language and storefront query', async () => {
    const redirect = await fetch(`${hub.url}/chat?lang=sv&email=maja%40example.se`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/chat/?lang=sv&email=maja%40example.se');
  });
});
