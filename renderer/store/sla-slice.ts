// Environment: browser. Where each conversation stands against its first-response target (shared/monitor.ts's
// rule, with the hub's targets), kept in the store so a queue row re-renders only when its own standing
// changes; sla-clock.ts refreshes it every second and whenever conversations or targets change.
import { slaStandingOf, type SlaState } from '../../shared/monitor.js';
import type { DeskSliceCreator } from './desk-state.js';

export interface SlaSlice {
  /** Conversations whose SLA clock runs (ok, near, breached); any other has none. */
  slaByConversation: Record<string, Exclude<SlaState, 'none'>>;
  refreshSla(nowMs: number): void;
}

function sameStandings(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export const createSlaSlice: DeskSliceCreator<SlaSlice> = (set, get) => ({
  slaByConversation: {},

  refreshSla(nowMs) {
    const { settings, conversationsById, slaByConversation } = get();
    const next: SlaSlice['slaByConversation'] = {};
    // Without the hub's targets the console cannot know; it shows nothing rather than guess.
    if (settings) {
      for (const conversation of Object.values(conversationsById)) {
        const { state } = slaStandingOf(conversation, settings, nowMs);
        if (state !== 'none') next[conversation.id] = state;
      }
    }
    if (!sameStandings(next, slaByConversation)) set({ slaByConversation: next });
  },
});

export function slaStateIn(state: SlaSlice, conversationId: string): SlaState {
  return state.slaByConversation[conversationId] ?? 'none';
}
