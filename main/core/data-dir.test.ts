import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir.js';

describe('defaultDataDir', () => {
  it('prefers CONSOLE_DATA_DIR everywhere', () => {
    expect(defaultDataDir({ CONSOLE_DATA_DIR: '/tmp/desk' }, 'win32', 'C:\\Users\\maja')).toBe('/tmp/desk');
  });
  it("uses each platform's app-data folder", () => {
    expect(defaultDataDir({ APPDATA: '/appdata' }, 'win32', '/home/maja')).toBe('/appdata/Handoff Desk');
    expect(defaultDataDir({}, 'darwin', '/Users/maja')).toBe(
      '/Users/maja/Library/Application Support/Handoff Desk',
    );
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/maja')).toBe('/xdg/handoff-desk');
    expect(defaultDataDir({}, 'linux', '/home/maja')).toBe('/home/maja/.config/handoff-desk');
  });
});
