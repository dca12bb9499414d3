// Environment: browser. A DeskBridge that also says whether its link to the desk core is up, so the store can
// show it and re-fetch the snapshot after the link comes back.
import type { DeskBridge } from '../../shared/desk-api.js';

/** connecting: first attempt; open: calls flow; reconnecting: the link dropped and is being retried. */
export type BridgeLinkState = 'connecting' | 'open' | 'reconnecting';

export interface LinkedDeskBridge extends DeskBridge {
  linkState(): BridgeLinkState;
  onLinkChange(listener: (state: BridgeLinkState) => void): () => void;
  close(): void;
}
