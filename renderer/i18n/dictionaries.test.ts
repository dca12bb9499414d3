// Both languages say everything: every key in one exists in the other, with the same placeholders, and the
// Swedish strings are actually translated (an English sentence left in sv would slip past the key check).
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { sv } from './sv.js';
import { i18n, setUiLanguage } from './i18n.js';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

/** Strings that are the same in both languages on purpose (names, codes, loanwords). */
const SAME_IN_BOTH = new Set([
  'app.title',
  'app.titleWithUnread',
  'channel.sms',
  'channel.whatsapp',
  'author.customerAgent',
  'author.aiBadge',
  'author.system',
  'search.filter.status',
  'presence.online',
  'presence.offline',
  'team.label',
  'team.load',
  'queue.assignedTo',
  'actions.claimLost',
  'shopper.none',
  'transfer.member',
  'history.pastItem',
  'settings.language.system',
  'settings.language.en',
  'settings.language.sv',
  'canned.body',
  'command.languageSv',
  'monitor.duration.seconds',
  'monitor.duration.minutes',
  'monitor.duration.hours',
  'monitor.duration.days',
  'monitor.percent',
  'monitor.load',
  'settings.value.target',
  'segments.nameColumn',
]);

describe('dictionaries', () => {
  it('have the same keys in English and Swedish', () => {
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, placeholders: placeholders(sv[key]) }).toEqual({
        key,
        placeholders: placeholders(en[key]),
      });
    }
  });

  it('translate every Swedish string that is not the same on purpose', () => {
    const untranslated = (Object.keys(en) as (keyof typeof en)[]).filter(
      (key) => sv[key] === en[key] && !SAME_IN_BOTH.has(key),
    );
    expect(untranslated).toEqual([]);
  });

  it('switch language for plain t calls and plurals', () => {
    setUiLanguage('sv');
    expect(i18n.t('queue.tab.unassigned')).toBe('Otilldelade');
    expect(i18n.t('queue.unread', { count: 2 })).toBe('2 olästa meddelanden');
    setUiLanguage('en');
    expect(i18n.t('queue.unread', { count: 1 })).toBe('1 unread message');
    expect(i18n.t('collision.viewing', { name: 'Sam Okafor' })).toBe('Sam Okafor is also viewing');
  });
});
