import { describe, expect, it } from 'vitest';
import { isExternalWebLink, isOurRendererFrame } from './window-policy.js';

const index = 'file:///opt/Handoff%20Desk/resources/app.asar/dist/renderer/index.html';

describe('Electron window policy', () => {
  it('accepts DeskApi calls only from our renderer file', () => {
    expect(isOurRendererFrame(index, index)).toBe(true);
    expect(isOurRendererFrame(`${index}#/conversation/c1`, index)).toBe(true);
    expect(isOurRendererFrame('file:///tmp/evil.html', index)).toBe(false);
    expect(isOurRendererFrame('https://evil.example/dist/renderer/index.html', index)).toBe(false);
    expect(isOurRendererFrame(undefined, index)).toBe(false);
    expect(isOurRendererFrame('not a url', index)).toBe(false);
  });

  it('sends only web links to the system browser', () => {
    expect(isExternalWebLink('https://www.klaviyo.com/')).toBe(true);
    expect(isExternalWebLink('http://example.com/help')).toBe(true);
    expect(isExternalWebLink('file:///etc/passwd')).toBe(false);
    expect(isExternalWebLink('javascript:alert(1)')).toBe(false);
    expect(isExternalWebLink('smb://share/x')).toBe(false);
  });
});
