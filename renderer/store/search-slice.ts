// Environment: browser. Full-text search over the desk core's cache: the query and filters as the agent sets
// them, debounced so a search runs when typing pauses, and only the latest search's answer is shown (an
// earlier, slower one that lands late is dropped). Opening a hit opens its conversation at that message.
import type { DeskApi, SearchArgs, SearchHit } from '../../shared/desk-api.js';
import type { Channel, ConversationStatus } from '../../shared/domain.js';
import { describeFailure, type DeskSliceCreator } from './desk-state.js';

/** Long enough to skip the searches between keystrokes, short enough to feel immediate. */
export const SEARCH_DEBOUNCE_MS = 120;

export interface SearchFilters {
  channel?: Channel;
  status?: ConversationStatus;
  tag?: string;
  agentId?: string;
  /** Calendar days (`YYYY-MM-DD`, the agent's local time) as a date input gives them; both inclusive. */
  fromDate?: string;
  toDate?: string;
}

export type SearchStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface SearchSlice {
  searchQuery: string;
  searchFilters: SearchFilters;
  searchStatus: SearchStatus;
  searchHits: SearchHit[];
  /** More matched than were returned. */
  searchMore: boolean;
  searchError: string | null;
  /** The message a search hit opened, to scroll to and mark in the transcript. */
  highlightedMessage: { conversationId: string; messageId: string } | null;
  /** Bumped to ask the search box to take focus (the shortcut). */
  searchFocusRequest: number;
  setSearchQuery(query: string): void;
  setSearchFilters(patch: Partial<SearchFilters>): void;
  /** Back to the queue: empties the box and the results (filters stay for the next search). */
  clearSearch(): void;
  openSearchHit(hit: SearchHit): void;
  requestSearchFocus(): void;
}

/** Whether a query is active, so the queue pane shows results instead of the queue. */
export function isSearching(state: { searchQuery: string }): boolean {
  return state.searchQuery.trim() !== '';
}

/** The start of a local calendar day as an ISO time; `dayOffset` 1 gives the next day's start. */
function localDayStart(date: string, dayOffset = 0): string | undefined {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return undefined;
  return new Date(year, month - 1, day + dayOffset).toISOString();
}

/** The DeskApi arguments for a query and filters; `to` is exclusive, so the whole "to" day is included. */
export function searchArgsFor(query: string, filters: SearchFilters): SearchArgs {
  const { fromDate, toDate, tag, ...exact } = filters;
  const from = fromDate ? localDayStart(fromDate) : undefined;
  const to = toDate ? localDayStart(toDate, 1) : undefined;
  const trimmedTag = tag?.trim();
  return {
    query: query.trim(),
    ...Object.fromEntries(Object.entries(exact).filter(([, value]) => value)),
    ...(trimmedTag ? { tag: trimmedTag } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

export const createSearchSlice =
  (api: DeskApi): DeskSliceCreator<SearchSlice> =>
  (set, get) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Each search takes the next number; an answer is applied only if no later search started meanwhile.
    let latest = 0;

    async function run() {
      const { searchQuery, searchFilters } = get();
      const ticket = ++latest;
      if (!isSearching(get())) return;
      set({ searchStatus: 'loading', searchError: null });
      try {
        const result = await api.search(searchArgsFor(searchQuery, searchFilters));
        if (ticket !== latest) return;
        set({ searchStatus: 'ready', searchHits: result.hits, searchMore: result.more });
      } catch (error) {
        if (ticket !== latest) return;
        set({
          searchStatus: 'error',
          searchError: describeFailure(error),
          searchHits: [],
          searchMore: false,
        });
      }
    }

    function schedule() {
      clearTimeout(timer);
      latest++; // Whatever is in flight now answers an older question.
      if (!isSearching(get())) {
        set({ searchStatus: 'idle', searchHits: [], searchMore: false, searchError: null });
        return;
      }
      set({ searchStatus: 'loading' });
      timer = setTimeout(() => void run(), SEARCH_DEBOUNCE_MS);
    }

    return {
      searchQuery: '',
      searchFilters: {},
      searchStatus: 'idle',
      searchHits: [],
      searchMore: false,
      searchError: null,
      highlightedMessage: null,
      searchFocusRequest: 0,
      setSearchQuery(searchQuery) {
        set({ searchQuery });
        schedule();
      },
      setSearchFilters(patch) {
        set((state) => ({ searchFilters: { ...state.searchFilters, ...patch } }));
        schedule();
      },
      clearSearch() {
        set({ searchQuery: '' });
        schedule();
      },
      openSearchHit(hit) {
        set({ highlightedMessage: { conversationId: hit.conversationId, messageId: hit.messageId } });
        get().revealConversation(hit.conversationId);
      },
      requestSearchFocus: () => set((state) => ({ searchFocusRequest: state.searchFocusRequest + 1 })),
    };
  };
