// Environment: Node (hub). Demo mode's data: the demo accounts, the integration token, canned replies, and
// realistic handed-off and AI-resolved conversations with their events. Idempotent: safe on every start.
import type { Channel } from '../../shared/domain.js';
import { METRICS } from '../../shared/events.js';
import type { CreateHandoffRequest } from '../../shared/handoff-api.js';
import { createAccount } from '../auth/accounts.js';
import { hashToken } from '../auth/tokens.js';
import { isoAt, secondsBetween, type Clock } from '../core/clock.js';
import { appendMetric } from '../core/events.js';
import { createHandoff } from '../core/handoffs.js';
import type { HubStore } from '../store/hub-store.js';
import { seedCannedReplies } from './demo-canned-replies.js';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_INTEGRATION_TOKEN = 'demo-integration-token';
export const DEMO_ACCOUNTS = [
  { email: 'agent1@demo.test', name: 'Alex Lindqvist', role: 'agent' },
  { email: 'agent2@demo.test', name: 'Sam Okafor', role: 'agent' },
  { email: 'lead@demo.test', name: 'Maria Svensson', role: 'lead' },
] as const;

type Line = [author: 'shopper' | 'customer_agent' | 'system', text: string];

interface DemoHandoff {
  id: string;
  channel: Channel;
  shopper: CreateHandoffRequest['shopper'];
  escalation: CreateHandoffRequest['escalation'];
  /** How long ago the conversation was handed off. */
  minutesAgo: number;
  lines: Line[];
}

const HANDED_OFF =
  'I have passed your conversation to our support team. Someone will reply as soon as possible.';
const ÖVERLÄMNAD =
  'Jag har skickat konversationen vidare till vårt supportteam. Någon svarar så snart som möjligt.';

/** A long email thread: the shopper's exchange of a wrong-size order, back and forth with the AI. */
function longExchange(): Line[] {
  const turns: [string, string][] = [
    [
      'Hi, I ordered the wool coat in size M (order #48213) but it is far too big.',
      'Sorry to hear that! I can help you with an exchange. Which size would you like instead?',
    ],
    [
      'Size S, please. Same colour, charcoal.',
      'Thanks. Size S in charcoal is in stock. Would you like me to start an exchange?',
    ],
    [
      'Yes please. Do I need to send the M back first?',
      'For exchanges we send the new size once the return is scanned by the carrier.',
    ],
    [
      'That will take a week. I need it for a trip on Friday.',
      'I understand. Express delivery takes 1–2 business days after dispatch.',
    ],
    [
      'Can you ship the S now and I return the M afterwards?',
      'Let me check what is possible for your order.',
    ],
    [
      'Thanks. I have been a customer for years, if that helps.',
      'It does, thank you for your loyalty! I can see several previous orders.',
    ],
    ['So can you send it today?', 'Advance exchanges need approval from our team, I am afraid.'],
    ['Who approves it?', 'Our support team handles advance exchanges case by case.'],
    [
      'OK. Also, the coat came with a small stain on the sleeve.',
      'I am sorry about that. Could you describe the stain?',
    ],
    [
      'A light grey mark near the cuff, maybe 1 cm.',
      'Thank you. That sounds like it may have happened in our warehouse.',
    ],
    ['I attached a photo in my previous email.', 'I can see the photo in the thread, thank you.'],
    [
      'Will the S be checked before it is sent?',
      'I will add a note asking the warehouse to inspect the item.',
    ],
    ['Great. And the return label, is it free?', 'Yes, returns and exchanges are free within 30 days.'],
    [
      'I printed the label but it says Stockholm, I am in Gothenburg.',
      'The label works from any service point in Sweden.',
    ],
    ['Good. Which service points accept it?', 'Any PostNord or DHL service point accepts our labels.'],
    [
      'Can I get a discount because of the stain?',
      'Discounts for damaged goods are decided by our support team.',
    ],
    [
      'Then I would like to talk to someone from the team.',
      'Of course. I will hand this over to a colleague with the full history.',
    ],
    [
      'Please make sure they know about Friday.',
      'I will include the date, your preferred size and the stain in the handoff.',
    ],
    ['Thank you.', 'You are welcome. A colleague will email you as soon as possible.'],
    [
      'One more thing: my new address is Linnégatan 12, 413 04 Göteborg.',
      'Noted. The team will confirm the address before shipping.',
    ],
  ];
  return turns.flatMap(([shopper, ai]): Line[] => [
    ['shopper', shopper],
    ['customer_agent', ai],
  ]);
}

const DEMO_HANDOFFS: DemoHandoff[] = [
  {
    id: 'demo-web-astrid',
    channel: 'web_chat',
    shopper: { email: 'astrid.nilsson@example.se', name: 'Astrid Nilsson', profileId: '01HQ7ASTRID' },
    escalation: { reason: 'knowledge_gap', procedure: 'order_tracking', tags: ['damaged_item', 'svenska'] },
    minutesAgo: 4,
    lines: [
      ['shopper', 'Hej! Mitt paket kom i dag men vasen var trasig.'],
      ['customer_agent', 'Åh nej, vad tråkigt! Har du ordernumret till hands?'],
      ['shopper', 'Ja, det är 51877.'],
      [
        'customer_agent',
        'Tack. Jag kan tyvärr inte ordna ersättning för skadade varor själv. Vill du att jag kopplar dig till någon i vårt team?',
      ],
      ['shopper', 'Ja tack.'],
      ['system', ÖVERLÄMNAD],
    ],
  },
  {
    id: 'demo-email-daniel',
    channel: 'email',
    shopper: { email: 'daniel.brooks@example.com', name: 'Daniel Brooks', profileId: '01HQ7DANIEL' },
    escalation: {
      reason: 'shopper_requested',
      procedure: 'returns',
      tags: ['exchange', 'damaged_item', 'vip'],
    },
    minutesAgo: 26,
    lines: [...longExchange(), ['system', HANDED_OFF]],
  },
  {
    id: 'demo-sms-maya',
    channel: 'sms',
    shopper: { phone: '+46701234567', name: 'Maya Patel', email: 'maya.patel@example.com' },
    escalation: { reason: 'Refund over 2000 SEK', procedure: 'returns', tags: ['refund'] },
    minutesAgo: 12,
    lines: [
      ['shopper', 'Hi, I returned two lamps last week and have not got my refund yet.'],
      [
        'customer_agent',
        'Refunds are issued within 5 business days of the return arriving. Let me look at your return.',
      ],
      ['shopper', 'It arrived on Monday according to tracking. The total was 2 480 SEK.'],
      ['customer_agent', 'Refunds above 2 000 SEK are approved by our team. I am passing this on now.'],
      ['system', HANDED_OFF],
    ],
  },
  {
    id: 'demo-whatsapp-erik',
    channel: 'whatsapp',
    shopper: { phone: '+46739876543', name: 'Erik Johansson', email: 'erik.johansson@example.se' },
    escalation: { reason: 'shopper_requested', procedure: 'shipping', tags: ['address_change', 'svenska'] },
    minutesAgo: 2,
    lines: [
      ['shopper', 'Hej, jag behöver ändra leveransadressen på min beställning.'],
      [
        'customer_agent',
        'Din beställning har redan skickats, så adressen kan inte ändras här. Vill du prata med någon i vårt team?',
      ],
      ['shopper', 'Ja, jag vill prata med en människa.'],
      ['system', ÖVERLÄMNAD],
    ],
  },
  {
    id: 'demo-web-sofia',
    channel: 'web_chat',
    shopper: { email: 'sofia.martinez@example.com', name: 'Sofia Martinez' },
    escalation: { reason: 'knowledge_gap', procedure: 'product_recommendation', tags: ['product_question'] },
    minutesAgo: 8,
    lines: [
      ['shopper', 'Is the birch & moss candle safe around cats?'],
      [
        'customer_agent',
        "I'm not sure about that one. Would you like me to connect you with someone from our team?",
      ],
      ['shopper', 'Yes, connect me with an agent'],
      ['system', HANDED_OFF],
    ],
  },
  {
    id: 'demo-sms-lars',
    channel: 'sms',
    shopper: { phone: '+46708765432', name: 'Lars Berg' },
    escalation: { reason: 'Invoice question', procedure: 'general', tags: ['billing', 'svenska'] },
    minutesAgo: 41,
    lines: [
      ['shopper', 'Hej. Jag har fått en faktura på 899 kr men jag betalade med kort.'],
      [
        'customer_agent',
        'Tack för att du hör av dig. Fakturafrågor hanteras av vårt team, jag skickar vidare.',
      ],
      ['system', ÖVERLÄMNAD],
    ],
  },
];

interface DemoResolved {
  id: string;
  shopper: { email: string; name: string };
  skill: string;
  minutesAgo: number;
  lines: Line[];
  products?: { sku: string; name: string; price: string }[];
}

const DEMO_RESOLVED: DemoResolved[] = [
  {
    id: 'demo-ai-olivia',
    shopper: { email: 'olivia.wright@example.com', name: 'Olivia Wright' },
    skill: 'shipping',
    minutesAgo: 95,
    lines: [
      ['shopper', 'How long does delivery take to Malmö?'],
      ['customer_agent', 'Standard delivery takes 3–5 days and is free on orders over 500 SEK.'],
      ['shopper', "Great, that's all. Thanks!"],
      ['customer_agent', "You're welcome! Have a great day."],
    ],
  },
  {
    id: 'demo-ai-karin',
    shopper: { email: 'karin.holm@example.se', name: 'Karin Holm' },
    skill: 'product_recommendation',
    minutesAgo: 60,
    lines: [
      ['shopper', 'Kan du rekommendera en present till min syster?'],
      ['customer_agent', 'Här är några favoriter som jag tror att du gillar:'],
      ['shopper', 'Tack, ljuset blir perfekt!'],
      ['customer_agent', 'Varsågod! Ha en fin dag.'],
    ],
    products: [
      { sku: 'SOY-CDL-05', name: 'Soy candle, birch & moss', price: '189 SEK' },
      { sku: 'WOOL-SCF-02', name: 'Merino wool scarf', price: '499 SEK' },
      { sku: 'CER-MUG-03', name: 'Stoneware mug set (2)', price: '279 SEK' },
    ],
  },
];

/** Spreads a transcript's times evenly over the minutes before `endMs`, so it reads like a real chat. */
function times(count: number, endMs: number, spanMinutes: number): string[] {
  const step = (spanMinutes * 60_000) / Math.max(1, count);
  return Array.from({ length: count }, (_, index) => isoAt(endMs - (count - index) * step));
}

export async function seedDemo(store: HubStore, clock: Clock): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    if (!store.findAccountByEmail(account.email)) {
      await createAccount(store, { ...account, password: DEMO_PASSWORD });
    }
  }
  const now = clock();
  store.addIntegrationToken(hashToken(DEMO_INTEGRATION_TOKEN), 'demo', isoAt(now));
  seedCannedReplies(store, isoAt(now));

  for (const demo of DEMO_HANDOFFS) {
    if (store.getConversation(demo.id)) continue;
    const escalatedMs = now - demo.minutesAgo * 60_000;
    const sentAt = times(demo.lines.length, escalatedMs, Math.min(30, demo.lines.length * 1.5));
    createHandoff(
      store,
      {
        conversationId: demo.id,
        channel: demo.channel,
        shopper: demo.shopper,
        escalation: demo.escalation,
        transcript: demo.lines.map(([author, text], index) => ({
          id: `${demo.id}-m${index + 1}`,
          author,
          text,
          sentAt: sentAt[index] ?? isoAt(escalatedMs),
        })),
      },
      isoAt(escalatedMs),
    );
  }

  for (const demo of DEMO_RESOLVED) {
    if (store.getConversation(demo.id)) continue;
    seedResolvedByAi(store, demo, now - demo.minutesAgo * 60_000);
  }
}

function seedResolvedByAi(store: HubStore, demo: DemoResolved, resolvedMs: number): void {
  const sentAt = times(demo.lines.length, resolvedMs, 4);
  const createdAt = sentAt[0] ?? isoAt(resolvedMs);
  const resolvedAt = isoAt(resolvedMs);
  store.transaction(() => {
    const conversation = store.insertConversation({
      id: demo.id,
      channel: 'web_chat',
      status: 'with_ai',
      shopper: demo.shopper,
      escalation: null,
      createdAt,
      escalatedAt: null,
    });
    demo.lines.forEach(([author, text], index) => {
      store.insertMessage({
        conversationId: demo.id,
        id: `${demo.id}-m${index + 1}`,
        author,
        agent: null,
        text,
        sentAt: sentAt[index] ?? resolvedAt,
        delivery: null,
        products: index === 1 && demo.products ? demo.products : [],
      });
    });
    const base = { conversation_id: demo.id, channel: conversation.channel };
    appendMetric(store, METRICS.startedConversation, conversation, createdAt, {
      ...base,
      first_message: demo.lines[0]?.[1] ?? '',
      initial_skill: demo.skill,
    });
    if (demo.products) {
      appendMetric(store, METRICS.receivedProductRecommendation, conversation, sentAt[1] ?? createdAt, {
        ...base,
        products: demo.products.map((product) => product.sku),
      });
    }
    const resolved = store.updateConversation(demo.id, { status: 'resolved', resolvedAt });
    appendMetric(store, METRICS.conversationResolved, resolved, resolvedAt, {
      ...base,
      procedure: demo.skill,
      tags: [demo.skill],
      resolution_seconds: secondsBetween(createdAt, resolvedAt),
    });
  });
}
