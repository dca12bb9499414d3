// Environment: Node. What the hub pushes whole about the team: the roster, the hub's settings, the canned replies
// (kept in the cache too, so the console shows them offline) and who views and types where (live only: cleared
// when the connection drops, since the hub re-sends the current activity on connect).
import { z } from 'zod';
import { cannedReplySchema, type CannedReply } from '../../shared/canned-replies.js';
import type { DeskEvent } from '../../shared/desk-api.js';
import { hubSettingsSchema, type HubSettings } from '../../shared/settings.js';
import { rosterSchema, type ConversationActivity, type Roster } from '../../shared/team.js';
import type { DeskCache } from './cache.js';

const cannedRepliesSchema = z.array(cannedReplySchema);

export class TeamState {
  private currentRoster: Roster = [];
  private currentSettings: HubSettings | null = null;
  private currentCannedReplies: CannedReply[] = [];
  private readonly activityByConversation = new Map<string, ConversationActivity>();

  constructor(
    private readonly cache: DeskCache,
    private readonly emit: (event: DeskEvent) => void,
  ) {
    this.reload();
  }

  /** Reads what the cache holds (after start, or after another account's sign-in wiped it). */
  reload(): void {
    this.currentRoster = this.cache.hubState('roster', rosterSchema) ?? [];
    this.currentSettings = this.cache.hubState('settings', hubSettingsSchema);
    this.currentCannedReplies = this.cache.hubState('canned_replies', cannedRepliesSchema) ?? [];
    this.activityByConversation.clear();
  }

  /**
   * Writes what this connection's hub pushed back into the cache after a full resync dropped the hub's state
   * (the hub pushes roster, settings and canned replies on connect, before it answers the first sync).
   */
  persistCurrent(): void {
    this.cache.setHubState('roster', this.currentRoster);
    if (this.currentSettings) this.cache.setHubState('settings', this.currentSettings);
    this.cache.setHubState('canned_replies', this.currentCannedReplies);
  }

  roster(): Roster {
    return this.currentRoster;
  }

  settings(): HubSettings | null {
    return this.currentSettings;
  }

  cannedReplies(): CannedReply[] {
    return this.currentCannedReplies;
  }

  /** Conversations where someone views or types (entries that went quiet are dropped). */
  activity(): ConversationActivity[] {
    return [...this.activityByConversation.values()];
  }

  setRoster(roster: Roster): void {
    this.currentRoster = roster;
    this.cache.setHubState('roster', roster);
    this.emit({ type: 'roster', roster });
  }

  setSettings(settings: HubSettings): void {
    this.currentSettings = settings;
    this.cache.setHubState('settings', settings);
    this.emit({ type: 'settings', settings });
  }

  setCannedReplies(replies: CannedReply[]): void {
    this.currentCannedReplies = replies;
    this.cache.setHubState('canned_replies', replies);
    this.emit({ type: 'cannedReplies', cannedReplies: replies });
  }

  setActivity(activity: ConversationActivity): void {
    if (activity.viewers.length === 0 && !activity.shopperTyping) {
      this.activityByConversation.delete(activity.conversationId);
    } else {
      this.activityByConversation.set(activity.conversationId, activity);
    }
    this.emit({ type: 'activity', activity });
  }

  /** The connection dropped: nobody is known to view or type any more (never show stale collisions). */
  clearActivity(): void {
    const stale = [...this.activityByConversation.keys()];
    this.activityByConversation.clear();
    for (const conversationId of stale) {
      this.emit({ type: 'activity', activity: { conversationId, viewers: [], shopperTyping: false } });
    }
  }
}
