// What the composer suggests after `/` and `@`, and what it inserts and sends.
import { describe, expect, it } from 'vitest';
import { renderCannedReply, type CannedReply } from '../../../shared/canned-replies.js';
import { member } from '../../store/test-support/scripted-desk.js';
import { filterCannedReplies } from './canned-suggestions.js';
import { extractMentions, mentionText, suggestMembers } from './mentions.js';
import { findTrigger, replaceTrigger } from './triggers.js';

function canned(
  shortcut: string,
  title: string,
  body = 'Hi {{shopper.first_name}}, {{agent.first_name}} here.',
): CannedReply {
  return {
    id: shortcut,
    scope: 'shared',
    ownerId: null,
    shortcut,
    title,
    body,
    updatedAt: '2025-01-01T10:00:00.000Z',
  };
}

describe('triggers', () => {
  it('finds / at the start or after a space, not inside a word or after a finished word', () => {
    expect(findTrigger('/ret', 4, '/')).toEqual({ start: 0, query: 'ret' });
    expect(findTrigger('Thanks! /ship', 13, '/')).toEqual({ start: 8, query: 'ship' });
    expect(findTrigger('and/or', 6, '/')).toBeNull();
    expect(findTrigger('/returns then', 13, '/')).toBeNull();
    expect(findTrigger('see https://x.se/a', 18, '/')).toBeNull();
  });

  it('reads only up to the caret', () => {
    expect(findTrigger('@sa rest', 3, '@')).toEqual({ start: 0, query: 'sa' });
  });

  it('replaces the trigger and query with the chosen text and a space, caret after it', () => {
    const text = 'Ask @sa about it';
    const match = findTrigger(text, 7, '@');
    expect(match).not.toBeNull();
    expect(replaceTrigger(text, 7, match!, '@Sam Okafor')).toEqual({
      text: 'Ask @Sam Okafor about it',
      caret: 15,
    });
    expect(replaceTrigger('/ret', 4, { start: 0, query: 'ret' }, 'Hello')).toEqual({
      text: 'Hello ',
      caret: 6,
    });
  });
});

describe('canned reply filtering', () => {
  const replies = [
    canned('returns', 'Returns policy'),
    canned('shipping', 'Shipping times'),
    canned('refund-status', 'Where is my refund'),
    canned('size', 'Size guide for returns'),
  ];

  it('ranks shortcut prefix, then shortcut contains, then title words', () => {
    expect(filterCannedReplies(replies, 're').map((r) => r.shortcut)).toEqual([
      'refund-status',
      'returns',
      'size', // "returns" in its title
    ]);
    expect(filterCannedReplies(replies, 'ship').map((r) => r.shortcut)).toEqual(['shipping']);
    expect(filterCannedReplies(replies, 'times').map((r) => r.shortcut)).toEqual(['shipping']);
  });

  it('lists everything for an empty query and nothing for no match', () => {
    expect(filterCannedReplies(replies, '')).toHaveLength(4);
    expect(filterCannedReplies(replies, 'zzz')).toEqual([]);
  });

  it('matches without case or accents', () => {
    const swedish = [canned('leverans', 'Leveranstid för beställning')];
    expect(filterCannedReplies(swedish, 'BESTALL')).toHaveLength(1);
  });

  it('inserts the body with the shopper and agent filled in', () => {
    const body = renderCannedReply(replies[0]!.body, {
      shopper: { name: 'Sam Lindqvist', email: 'sam@example.com' },
      agent: { id: 'a', name: 'Alva Agent', email: 'a@demo.test' },
    });
    expect(body).toBe('Hi Sam, Alva here.');
  });
});

describe('mentions', () => {
  const roster = [
    member({ id: 'a1', name: 'Sam Okafor', presence: 'away' }),
    member({ id: 'a2', name: 'Samira Lind', presence: 'online' }),
    member({ id: 'a3', name: 'Örjan Berg', presence: 'offline', email: 'orjan@demo.test' }),
  ];

  it('suggests teammates by any name word or email, online first', () => {
    expect(suggestMembers(roster, 'sam').map((m) => m.id)).toEqual(['a2', 'a1']);
    expect(suggestMembers(roster, 'lind').map((m) => m.id)).toEqual(['a2']);
    expect(suggestMembers(roster, 'orj').map((m) => m.id)).toEqual(['a3']);
    expect(suggestMembers(roster, '').map((m) => m.id)).toEqual(['a2', 'a1', 'a3']);
  });

  it('sends the ids of the teammates the note names, once each', () => {
    const text = `${mentionText(roster[0]!)} and ${mentionText(roster[2]!)}, can you check? ${mentionText(roster[0]!)}`;
    expect(extractMentions(text, roster)).toEqual(['a1', 'a3']);
  });

  it('does not take a longer name or a deleted mention for one', () => {
    expect(extractMentions('@Sam Okaforson please', roster)).toEqual([]);
    expect(extractMentions('Sam Okafor knows', roster)).toEqual([]);
    expect(extractMentions('email@Sam Okafor', roster)).toEqual([]);
  });
});

describe('mention highlighting', () => {
  it('splits a note into plain text and the mentioned names, longest name first', async () => {
    const { splitMentions } = await import('./mentions.js');
    expect(splitMentions('@Sam Okafor and @Sam, look', ['Sam', 'Sam Okafor'])).toEqual([
      { text: '@Sam Okafor', mention: true },
      { text: ' and ', mention: false },
      { text: '@Sam', mention: true },
      { text: ', look', mention: false },
    ]);
    expect(splitMentions('no mentions', ['Sam'])).toEqual([{ text: 'no mentions', mention: false }]);
  });
});
