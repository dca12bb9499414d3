// Environment: Node (hub). The demo Customer Agent's knowledge: a few answers in English and Swedish,
// and a small product catalogue for recommendations.
import type { Product } from '../../shared/domain.js';

export type Language = 'en' | 'sv';
export type Skill = 'order_tracking' | 'product_recommendation' | 'shipping' | 'returns' | 'general';

export const CUSTOMER_AGENT_NAME = 'Customer Agent';

export const answers: Record<Exclude<Skill, 'product_recommendation'>, Record<Language, string>> = {
  shipping: {
    en: 'We ship within 1–2 business days. Standard delivery (3–5 days) is free on orders over 500 SEK; express delivery (1–2 days) costs 79 SEK.',
    sv: 'Vi skickar inom 1–2 arbetsdagar. Standardfrakt (3–5 dagar) är gratis för beställningar över 500 kr; expressfrakt (1–2 dagar) kostar 79 kr.',
  },
  returns: {
    en: 'You can return unused items within 30 days for a full refund. Start a return at example.com/returns and we will email you a free return label.',
    sv: 'Du kan returnera oanvända varor inom 30 dagar och få pengarna tillbaka. Starta en retur på example.com/returns så mejlar vi en fri returetikett.',
  },
  order_tracking: {
    en: 'You can follow your order with the tracking link in your shipping confirmation email, or at example.com/track with your order number.',
    sv: 'Du kan följa din beställning via spårningslänken i leveransbekräftelsen, eller på example.com/track med ditt ordernummer.',
  },
  general: {
    en: 'Hi! I can help with shipping, returns and order status, or recommend something. What can I do for you?',
    sv: 'Hej! Jag kan hjälpa till med frakt, returer och beställningar, eller tipsa om produkter. Vad kan jag hjälpa dig med?',
  },
};

export const phrases = {
  greeting: {
    en: "Hi! I'm the Customer Agent. Ask me about shipping, returns or your order, or let me recommend something.",
    sv: 'Hej! Jag är Customer Agent. Fråga mig om frakt, returer eller din beställning, eller be om produkttips.',
  },
  recommendation: {
    en: 'Here are a few favourites I think you will like:',
    sv: 'Här är några favoriter som jag tror att du gillar:',
  },
  offerHandoffRequested: {
    en: 'Of course. Would you like me to connect you with someone from our team?',
    sv: 'Självklart. Vill du att jag kopplar dig till någon i vårt team?',
  },
  offerHandoffGap: {
    en: "I'm not sure about that one. Would you like me to connect you with someone from our team?",
    sv: 'Det är jag tyvärr inte säker på. Vill du att jag kopplar dig till någon i vårt team?',
  },
  askEmail: {
    en: 'Before I connect you: what is your email address, so our team can follow up?',
    sv: 'Innan jag kopplar dig vidare: vilken e-postadress har du, så att vårt team kan återkomma?',
  },
  handedOff: {
    en: 'Thanks! I have passed your conversation to our support team. Someone will reply right here as soon as possible.',
    sv: 'Tack! Jag har skickat konversationen vidare till vårt supportteam. Någon svarar här så snart som möjligt.',
  },
  declined: {
    en: "No problem! I'm here if there's anything else I can help with.",
    sv: 'Inga problem! Säg till om det är något mer jag kan hjälpa till med.',
  },
  resolved: {
    en: "You're welcome! Have a great day.",
    sv: 'Varsågod! Ha en fin dag.',
  },
  anythingElse: {
    en: "You're welcome! Is there anything else I can help with?",
    sv: 'Varsågod! Är det något mer jag kan hjälpa till med?',
  },
} satisfies Record<string, Record<Language, string>>;

export const catalogue: (Product & { keywords: string[] })[] = [
  {
    sku: 'LIN-TEE-01',
    name: 'Linen T-shirt, sand',
    price: '349 SEK',
    keywords: ['shirt', 'tröja', 'summer', 'sommar'],
  },
  {
    sku: 'WOOL-SCF-02',
    name: 'Merino wool scarf',
    price: '499 SEK',
    keywords: ['gift', 'present', 'winter', 'vinter'],
  },
  {
    sku: 'CER-MUG-03',
    name: 'Stoneware mug set (2)',
    price: '279 SEK',
    keywords: ['gift', 'present', 'kitchen', 'kök'],
  },
  { sku: 'CAN-BAG-04', name: 'Canvas tote bag', price: '229 SEK', keywords: ['bag', 'väska'] },
  {
    sku: 'SOY-CDL-05',
    name: 'Soy candle, birch & moss',
    price: '189 SEK',
    keywords: ['gift', 'present', 'home', 'hem'],
  },
  {
    sku: 'LTH-WLT-06',
    name: 'Leather card wallet',
    price: '399 SEK',
    keywords: ['gift', 'present', 'wallet', 'plånbok'],
  },
];
