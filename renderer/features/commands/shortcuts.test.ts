// The keyboard map: every command has a distinct key, sequences work, and typing never fires shortcuts.
import { describe, expect, it } from 'vitest';
import {
  commandLabels,
  createShortcutMatcher,
  displayKey,
  SEQUENCE_TIMEOUT_MS,
  SHORTCUTS,
} from './shortcuts.js';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('shortcut map', () => {
  it('gives every key sequence to one command only, and every command a label', () => {
    const sequences = SHORTCUTS.flatMap((s) => s.keys.map((k) => k.join(' ')));
    expect(new Set(sequences).size).toBe(sequences.length);
    for (const shortcut of SHORTCUTS) expect(commandLabels[shortcut.command]).toMatch(/^command\./);
  });

  it('has a shortcut for every frequent action the brief names', () => {
    const press = createShortcutMatcher();
    const expected: [string, string][] = [
      ['j', 'next'],
      ['k', 'previous'],
      ['Enter', 'open'],
      ['c', 'claim'],
      ['r', 'reply'],
      ['n', 'note'],
      ['e', 'resolve'],
      ['t', 'transfer'],
      ['p', 'pending'],
      ['s', 'snooze'],
      ['Escape', 'close'],
      ['?', 'help'],
    ];
    for (const [k, command] of expected) expect(press.press(key(k), false, 0)).toBe(command);
  });

  it('reads g then u/m/a as going to a tab, within the time limit', () => {
    const matcher = createShortcutMatcher();
    expect(matcher.press(key('g'), false, 1000)).toBe('pending');
    expect(matcher.press(key('m'), false, 1500)).toBe('goMine');
    expect(matcher.press(key('g'), false, 2000)).toBe('pending');
    expect(matcher.press(key('a'), false, 2100)).toBe('goAllOpen');
    expect(matcher.press(key('g'), false, 3000)).toBe('pending');
    expect(matcher.press(key('u'), false, 3000 + SEQUENCE_TIMEOUT_MS + 1)).toBeNull();
    // s alone snoozes; g then s goes to Snoozed.
    expect(matcher.press(key('s'), false, 9000)).toBe('snooze');
    matcher.press(key('g'), false, 9100);
    expect(matcher.press(key('s'), false, 9200)).toBe('goSnoozed');
  });

  it('never fires single keys while typing, but Ctrl/Cmd+K and Escape do', () => {
    const matcher = createShortcutMatcher();
    for (const k of ['c', 'e', 'j', '?', 'g', 'Enter']) expect(matcher.press(key(k), true, 0)).toBeNull();
    expect(matcher.press(key('k', { ctrlKey: true }), true, 0)).toBe('palette');
    expect(matcher.press(key('K', { metaKey: true }), true, 0)).toBe('palette');
    expect(matcher.press(key('Escape'), true, 0)).toBe('close');
  });

  it('leaves other modified keys to the browser', () => {
    const matcher = createShortcutMatcher();
    expect(matcher.press(key('c', { ctrlKey: true }), false, 0)).toBeNull();
    expect(matcher.press(key('e', { altKey: true }), false, 0)).toBeNull();
  });

  it('shows Mod as Ctrl or ⌘', () => {
    expect(displayKey('Mod+k', false)).toBe('Ctrl+K');
    expect(displayKey('Mod+k', true)).toBe('⌘K');
    expect(displayKey('ArrowDown', false)).toBe('↓');
  });
});
