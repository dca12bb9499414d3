// Search in the store: debounced typing asks once, only the latest answer shows, filters reach the desk core
// as its arguments, clearing goes back to the queue, and opening a hit opens its conversation at the message.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskCallResult, SearchHit } from '../../shared/desk-api.js';
import { isSearching, SEARCH_DEBOUNCE_MS, searchArgsFor } from './search-slice.js';
import {
  conversation,
  ready,
  scriptedDesk,
  snapshot,
  type ScriptedDesk,
} from './test-support/scripted-desk.js';

type SearchResult = DeskCallResult<'search'>;

function hit(messageId: string, conversationId = 'c1'): SearchHit {
  return {
    conversationId,
    messageId,
    author: 'shopper',
    internal: false,
    sentAt: '2025-01-01T10:00:00.000Z',
    shopper: 'Greta Svensson',
    channel: 'web_chat',
    status: 'queued',
    snippet: [
      { text: 'leverans till ', match: false },
      { text: 'Göteborg', match: true },
    ],
  };
}

/** A search answer the test releases when it wants, to order answers against each other. */
function deferred() {
  let resolve!: (value: SearchResult) => void;
  const promise = new Promise<SearchResult>((r) => (resolve = r));
  return { promise, resolve };
}

let desk: ScriptedDesk;

beforeEach(async () => {
  desk = scriptedDesk(snapshot([conversation('c1'), conversation('c2')]));
  await ready(desk);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('search slice', () => {
  it('asks the desk core once typing pauses, with the last text, and shows its hits', async () => {
    desk.api.search.mockResolvedValue({ hits: [hit('m1')], more: false });
    const state = desk.store.getState();
    state.setSearchQuery('g');
    state.setSearchQuery('göte');
    state.setSearchQuery('göteborg ');
    expect(isSearching(desk.store.getState())).toBe(true);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 1);
    expect(desk.api.search).not.toHaveBeenCalled();
    expect(desk.store.getState().searchStatus).toBe('loading');

    await vi.advanceTimersByTimeAsync(1);
    expect(desk.api.search).toHaveBeenCalledTimes(1);
    expect(desk.api.search).toHaveBeenCalledWith({ query: 'göteborg' });
    await vi.waitFor(() => expect(desk.store.getState().searchStatus).toBe('ready'));
    expect(desk.store.getState().searchHits.map((h) => h.messageId)).toEqual(['m1']);
  });

  it('shows the latest search even when an earlier one answers after it', async () => {
    const slow = deferred();
    const fast = deferred();
    desk.api.search.mockReturnValueOnce(slow.promise).mockReturnValueOnce(fast.promise);
    desk.store.getState().setSearchQuery('göt');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    desk.store.getState().setSearchQuery('göteborg');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(desk.api.search).toHaveBeenCalledTimes(2);

    fast.resolve({ hits: [hit('latest')], more: true });
    await vi.waitFor(() => expect(desk.store.getState().searchStatus).toBe('ready'));
    slow.resolve({ hits: [hit('stale')], more: false });
    await slow.promise;
    await Promise.resolve();

    const state = desk.store.getState();
    expect(state.searchHits.map((h) => h.messageId)).toEqual(['latest']);
    expect(state.searchMore).toBe(true);
  });

  it('sends the filters as the desk core’s arguments, leaving out the ones set to any', async () => {
    const state = desk.store.getState();
    state.setSearchQuery('retur');
    state.setSearchFilters({ channel: 'sms', status: 'open', tag: '  vip ', agentId: 'agent-2' });
    state.setSearchFilters({ fromDate: '2025-03-01', toDate: '2025-03-31' });
    state.setSearchFilters({ status: undefined });
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);

    expect(desk.api.search).toHaveBeenCalledTimes(1);
    expect(desk.api.search).toHaveBeenCalledWith({
      query: 'retur',
      channel: 'sms',
      tag: 'vip',
      agentId: 'agent-2',
      // Whole local days: from the start of the first to the start of the day after the last.
      from: new Date(2025, 2, 1).toISOString(),
      to: new Date(2025, 3, 1).toISOString(),
    });
  });

  it('builds no filter from an empty or malformed date', () => {
    expect(searchArgsFor(' kvitto ', { fromDate: '', toDate: 'not-a-date', tag: '   ' })).toEqual({
      query: 'kvitto',
    });
  });

  it('goes back to the queue when cleared, and drops the answer still on its way', async () => {
    const pending = deferred();
    desk.api.search.mockReturnValueOnce(pending.promise);
    desk.store.getState().setSearchQuery('paket');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    desk.store.getState().clearSearch();
    pending.resolve({ hits: [hit('m1')], more: false });
    await pending.promise;
    await Promise.resolve();

    const state = desk.store.getState();
    expect(isSearching(state)).toBe(false);
    expect(state.searchStatus).toBe('idle');
    expect(state.searchHits).toEqual([]);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(desk.api.search).toHaveBeenCalledTimes(1);
  });

  it('says why a search failed', async () => {
    desk.api.search.mockRejectedValueOnce(new Error('cache is locked'));
    desk.store.getState().setSearchQuery('paket');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    await vi.waitFor(() => expect(desk.store.getState().searchStatus).toBe('error'));
    expect(desk.store.getState().searchError).toBe('cache is locked');
  });

  it('opens a hit’s conversation and remembers which message to show', () => {
    desk.store.getState().openSearchHit(hit('m7', 'c2'));
    const state = desk.store.getState();
    expect(state.selectedConversationId).toBe('c2');
    expect(state.highlightedMessage).toEqual({ conversationId: 'c2', messageId: 'm7' });
    expect(desk.api.openConversation).toHaveBeenCalledWith(expect.objectContaining({ conversationId: 'c2' }));
  });

  it('asks the search box to take focus for the shortcut', () => {
    const before = desk.store.getState().searchFocusRequest;
    desk.store.getState().requestSearchFocus();
    expect(desk.store.getState().searchFocusRequest).toBe(before + 1);
  });
});
