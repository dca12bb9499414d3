import { describe, expect, it } from 'vitest';
import { chooseLanguage, widgetResources } from './widget-i18n.js';

describe('widget language', () => {
  it('takes ?lang first, then the browser language (sv* is Swedish)', () => {
    expect(chooseLanguage('?lang=sv', 'en-US')).toBe('sv');
    expect(chooseLanguage('?email=a@b.se&lang=en', 'sv-SE')).toBe('en');
    expect(chooseLanguage('?lang=fi', 'sv-FI')).toBe('sv');
    expect(chooseLanguage('', 'sv')).toBe('sv');
    expect(chooseLanguage('', 'de-DE')).toBe('en');
    expect(chooseLanguage('', undefined)).toBe('en');
  });

  it('has every word in both languages, with the same placeholders', () => {
    const { en, sv } = widgetResources;
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(sv[key]), key).toEqual(placeholders(en[key]));
      expect(sv[key].trim(), key).not.toBe('');
    }
  });

  it('uses the agreed Swedish names for the controls shoppers use', () => {
    expect(widgetResources.sv).toMatchObject({
      message: 'Meddelande',
      send: 'Skicka',
      yes: 'Ja, koppla mig till en handläggare',
      no: 'Nej tack',
      emailLabel: 'E-post',
      continue: 'Fortsätt',
      waiting: 'Väntar på en handläggare…',
      newConversation: 'Starta en ny konversation',
    });
  });
});
