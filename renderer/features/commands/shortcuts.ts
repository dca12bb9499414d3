// Environment: any. The keyboard map: which key (or two-key sequence, like g then u) runs which command, and
// the rule that single-key shortcuts never fire while the agent types in a text field.
import type { MessageKey } from '../../i18n/en.js';

export type CommandId =
  | 'next'
  | 'previous'
  | 'open'
  | 'claim'
  | 'reply'
  | 'note'
  | 'resolve'
  | 'transfer'
  | 'pending'
  | 'snooze'
  | 'reopen'
  | 'goUnassigned'
  | 'goMine'
  | 'goAllOpen'
  | 'goSnoozed'
  | 'toggleShopper'
  | 'close'
  | 'help'
  | 'palette'
  | 'search'
  | 'settings'
  | 'monitor';

export type ShortcutGroup = 'navigate' | 'conversation' | 'app';

/** A key as `normalizeKey` writes it: `j`, `?`, `Enter`, `ArrowDown`, `Escape`, `Mod+k` (Ctrl or ⌘). */
export type KeySequence = readonly string[];

export interface Shortcut {
  command: CommandId;
  group: ShortcutGroup;
  /** Alternatives; each is a sequence of one or two keys. */
  keys: readonly KeySequence[];
  /** Fires even while typing in a text field. */
  whileTyping?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'next', group: 'navigate', keys: [['j'], ['ArrowDown']] },
  { command: 'previous', group: 'navigate', keys: [['k'], ['ArrowUp']] },
  { command: 'open', group: 'navigate', keys: [['Enter']] },
  { command: 'goUnassigned', group: 'navigate', keys: [['g', 'u']] },
  { command: 'goMine', group: 'navigate', keys: [['g', 'm']] },
  { command: 'goAllOpen', group: 'navigate', keys: [['g', 'a']] },
  { command: 'goSnoozed', group: 'navigate', keys: [['g', 's']] },
  { command: 'monitor', group: 'navigate', keys: [['g', 'q']] },
  { command: 'claim', group: 'conversation', keys: [['c']] },
  { command: 'reply', group: 'conversation', keys: [['r']] },
  { command: 'note', group: 'conversation', keys: [['n']] },
  { command: 'resolve', group: 'conversation', keys: [['e']] },
  { command: 'transfer', group: 'conversation', keys: [['t']] },
  { command: 'pending', group: 'conversation', keys: [['p']] },
  { command: 'snooze', group: 'conversation', keys: [['s']] },
  { command: 'reopen', group: 'conversation', keys: [['o']] },
  { command: 'toggleShopper', group: 'conversation', keys: [['i']] },
  { command: 'palette', group: 'app', keys: [['Mod+k']], whileTyping: true },
  // Not `/`: the composer uses it for canned replies. Neither fires while typing (Ctrl+F stays the browser's there).
  { command: 'search', group: 'app', keys: [['f'], ['Mod+f']] },
  { command: 'help', group: 'app', keys: [['?']] },
  { command: 'settings', group: 'app', keys: [[',']] },
  { command: 'close', group: 'app', keys: [['Escape']], whileTyping: true },
];

export const commandLabels: Record<CommandId, MessageKey> = {
  next: 'command.next',
  previous: 'command.previous',
  open: 'command.open',
  claim: 'command.claim',
  reply: 'command.reply',
  note: 'command.note',
  resolve: 'command.resolve',
  transfer: 'command.transfer',
  pending: 'command.pending',
  snooze: 'command.snooze',
  reopen: 'command.reopen',
  goUnassigned: 'command.goUnassigned',
  goMine: 'command.goMine',
  goAllOpen: 'command.goAllOpen',
  goSnoozed: 'command.goSnoozed',
  toggleShopper: 'command.toggleShopper',
  close: 'command.close',
  help: 'command.help',
  palette: 'command.palette',
  search: 'command.search',
  settings: 'command.settings',
  monitor: 'command.monitor',
};

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** `Mod+k` for Ctrl+K or ⌘K; other modified keys are not ours (browser and system shortcuts). */
export function normalizeKey(press: KeyPress): string | null {
  if (press.altKey) return null;
  if (press.ctrlKey || press.metaKey) return press.key.length === 1 ? `Mod+${press.key.toLowerCase()}` : null;
  return press.key;
}

/** A second key must follow the first within this time to make a sequence. */
export const SEQUENCE_TIMEOUT_MS = 1500;

/**
 * Matches key presses against the map, remembering the first key of a possible sequence. `typing`: the
 * event comes from a text field, where only `whileTyping` shortcuts count (and no sequence starts).
 */
export function createShortcutMatcher(shortcuts: readonly Shortcut[] = SHORTCUTS) {
  let prefix: { key: string; at: number } | null = null;
  return {
    /** The command to run, `pending` when the key may start a sequence, or null. */
    press(press: KeyPress, typing: boolean, now: number): CommandId | 'pending' | null {
      const key = normalizeKey(press);
      if (key === null) return null;
      const candidates = typing ? shortcuts.filter((s) => s.whileTyping) : shortcuts;
      if (prefix && !typing && now - prefix.at <= SEQUENCE_TIMEOUT_MS) {
        const first = prefix.key;
        prefix = null;
        const sequence = candidates.find((s) =>
          s.keys.some((k) => k.length === 2 && k[0] === first && k[1] === key),
        );
        if (sequence) return sequence.command;
      }
      prefix = null;
      const single = candidates.find((s) => s.keys.some((k) => k.length === 1 && k[0] === key));
      if (single) return single.command;
      if (!typing && candidates.some((s) => s.keys.some((k) => k.length === 2 && k[0] === key))) {
        prefix = { key, at: now };
        return 'pending';
      }
      return null;
    },
    reset() {
      prefix = null;
    },
  };
}

/** Keys for the help overlay: `Mod` shown as Ctrl or ⌘. */
export function displayKey(key: string, mac: boolean): string {
  const names: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc', Enter: 'Enter' };
  if (key.startsWith('Mod+')) return `${mac ? '⌘' : 'Ctrl+'}${key.slice(4).toUpperCase()}`;
  return names[key] ?? key;
}

/** Whether the element takes typed text, so single-letter shortcuts must leave it alone. */
export function isTextEntry(element: Element | null): boolean {
  if (!element) return false;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  return (element as HTMLElement).isContentEditable === true;
}
