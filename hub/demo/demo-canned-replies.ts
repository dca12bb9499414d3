// Environment: Node (hub). Demo mode's canned replies: shared ones for the team and personal ones for
// the demo agents, in English and Swedish, using the variables agents fill in with one keystroke.
import type { CannedReply } from '../../shared/canned-replies.js';
import type { HubStore } from '../store/hub-store.js';

type DemoReply = Omit<CannedReply, 'ownerId' | 'updatedAt'> & { ownerEmail?: string };

export const DEMO_CANNED_REPLIES: DemoReply[] = [
  {
    id: 'demo-canned-greeting',
    scope: 'shared',
    shortcut: 'hello',
    title: 'Greeting',
    body: "Hi {{shopper.first_name}}, this is {{agent.name}} from the Nordic Threads team. I've read your conversation with our Customer Agent, and I'll take it from here.",
  },
  {
    id: 'demo-canned-halsning',
    scope: 'shared',
    shortcut: 'hej',
    title: 'Hälsning',
    body: 'Hej {{shopper.first_name}}! Jag heter {{agent.first_name}} och jobbar i kundtjänst på Nordic Threads. Jag har läst din konversation med vår Customer Agent och tar över härifrån.',
  },
  {
    id: 'demo-canned-refund',
    scope: 'shared',
    shortcut: 'refund',
    title: 'Refund on its way',
    body: "Good news, {{shopper.first_name}}: your refund has been approved. It's on its way and usually shows up within 3–5 business days.",
  },
  {
    id: 'demo-canned-aterbetalning',
    scope: 'shared',
    shortcut: 'aterbetalning',
    title: 'Återbetalning på väg',
    body: 'Goda nyheter, {{shopper.first_name}}: din återbetalning är godkänd. Pengarna brukar synas på kontot inom 3–5 bankdagar.',
  },
  {
    id: 'demo-canned-damaged',
    scope: 'shared',
    shortcut: 'damaged',
    title: 'Damaged item: photo please',
    body: "I'm sorry it arrived damaged, {{shopper.first_name}}. Could you send a photo of the item and the packaging? Then I'll send a replacement right away.",
  },
  {
    id: 'demo-canned-alex-signoff',
    scope: 'personal',
    ownerEmail: 'agent1@demo.test',
    shortcut: 'bye',
    title: 'My sign-off',
    body: 'Glad I could help, {{shopper.first_name}}! Have a lovely day. /{{agent.first_name}}',
  },
  {
    id: 'demo-canned-sam-avslut',
    scope: 'personal',
    ownerEmail: 'agent2@demo.test',
    shortcut: 'tack',
    title: 'Mitt avslut',
    body: 'Tack för att du hörde av dig, {{shopper.first_name}}! Ha en fin dag. Hälsningar {{agent.name}}',
  },
];

/** Adds the demo canned replies that are missing (never overwrites an edited one). */
export function seedCannedReplies(store: HubStore, now: string): void {
  store.transaction(() => {
    for (const { ownerEmail, ...reply } of DEMO_CANNED_REPLIES) {
      if (store.getCannedReply(reply.id)) continue;
      const owner = ownerEmail ? store.findAccountByEmail(ownerEmail) : null;
      if (ownerEmail && !owner) continue;
      store.saveCannedReply({ ...reply, ownerId: owner?.id ?? null, updatedAt: now });
    }
  });
}
