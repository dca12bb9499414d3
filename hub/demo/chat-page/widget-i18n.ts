// Environment: browser. The storefront's and chat widget's words in English and Swedish (i18next), and
// which language a visitor gets: `?lang=sv|en`, else the browser's language (sv* → Swedish).
import i18next from 'i18next';

const en = {
  pageTitle: 'Nordic Threads — slow-made goods from the north',
  shopNav: 'Shop',
  navNew: 'New in',
  navClothing: 'Clothing',
  navHome: 'Home',
  navGifts: 'Gifts',
  cart: 'Cart (0)',
  cartLabel: 'Cart, 0 items',
  heroKicker: 'Autumn collection',
  heroTitle: 'Made slowly, for long winters.',
  heroText:
    'Linen, merino and stoneware from small workshops in Sweden and Finland. Free shipping over 500 SEK, 30-day returns.',
  products: 'Products',
  productLinen: 'Linen T-shirt, sand',
  productScarf: 'Merino wool scarf',
  productMugs: 'Stoneware mug set (2)',
  productTote: 'Canvas tote bag',
  productCandle: 'Soy candle, birch & moss',
  productWallet: 'Leather card wallet',
  region: 'Chat with Nordic Threads',
  title: 'Nordic Threads support',
  transcript: 'Chat transcript',
  footer: 'Answers by an AI assistant; people take over when needed.',
  withAi: 'Customer Agent · AI assistant',
  waiting: 'Waiting for an agent…',
  waitingDetail: 'You are in the queue. Keep this page open; a person will answer here.',
  chattingWith: 'You are chatting with {{name}}',
  agentJoined: 'An agent has joined the chat',
  resolved: 'This conversation is resolved. Write again any time.',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting…',
  offerHandoff: 'Would you like to talk to a person?',
  yes: 'Yes, connect me with an agent',
  no: 'No, thanks',
  askEmail: 'Your email, so the team can reach you',
  emailLabel: 'Email',
  continue: 'Continue',
  message: 'Message',
  messagePlaceholder: 'Ask about shipping, returns, your order…',
  send: 'Send',
  sending: 'Sending…',
  newConversation: 'Start a new conversation',
  shopper: 'You',
  customerAgent: 'Customer Agent',
  ai: 'AI',
  agent: 'Agent',
  recommended: 'Recommended for you',
  typing: '{{name}} is typing…',
  someoneTyping: 'An agent is typing…',
  opensInNewTab: '(opens in a new tab)',
  failed: 'Something went wrong: {{error}}',
  noAnswer: 'the chat service did not answer in time',
  unexpectedAnswer: 'unexpected answer: {{details}}',
  tooLong: 'messages can be at most {{max}} characters',
};
export type WidgetKey = keyof typeof en;

const sv: Record<WidgetKey, string> = {
  pageTitle: 'Nordic Threads — långsamt gjort från norr',
  shopNav: 'Butik',
  navNew: 'Nyheter',
  navClothing: 'Kläder',
  navHome: 'Hem',
  navGifts: 'Presenter',
  cart: 'Varukorg (0)',
  cartLabel: 'Varukorg, 0 varor',
  heroKicker: 'Höstkollektion',
  heroTitle: 'Gjort långsamt, för långa vintrar.',
  heroText:
    'Linne, merino och stengods från små verkstäder i Sverige och Finland. Fri frakt över 500 kr, 30 dagars öppet köp.',
  products: 'Produkter',
  productLinen: 'T-shirt i linne, sand',
  productScarf: 'Halsduk i merinoull',
  productMugs: 'Muggar i stengods (2 st)',
  productTote: 'Tygkasse i canvas',
  productCandle: 'Sojaljus, björk & mossa',
  productWallet: 'Korthållare i läder',
  region: 'Chatta med Nordic Threads',
  title: 'Nordic Threads kundtjänst',
  transcript: 'Chattkonversation',
  footer: 'Svar från en AI-assistent; en person tar över vid behov.',
  withAi: 'Customer Agent · AI-assistent',
  waiting: 'Väntar på en handläggare…',
  waitingDetail: 'Du står i kön. Låt sidan vara öppen, så svarar en person här.',
  chattingWith: 'Du chattar med {{name}}',
  agentJoined: 'En handläggare har anslutit till chatten',
  resolved: 'Konversationen är avslutad. Skriv igen när du vill.',
  connecting: 'Ansluter…',
  reconnecting: 'Anslutningen bröts. Ansluter igen…',
  offerHandoff: 'Vill du prata med en person?',
  yes: 'Ja, koppla mig till en handläggare',
  no: 'Nej tack',
  askEmail: 'Din e-postadress, så att teamet kan nå dig',
  emailLabel: 'E-post',
  continue: 'Fortsätt',
  message: 'Meddelande',
  messagePlaceholder: 'Fråga om frakt, returer, din beställning…',
  send: 'Skicka',
  sending: 'Skickar…',
  newConversation: 'Starta en ny konversation',
  shopper: 'Du',
  customerAgent: 'Customer Agent',
  ai: 'AI',
  agent: 'Handläggare',
  recommended: 'Rekommenderat för dig',
  typing: '{{name}} skriver…',
  someoneTyping: 'En handläggare skriver…',
  opensInNewTab: '(öppnas i en ny flik)',
  failed: 'Något gick fel: {{error}}',
  noAnswer: 'chattjänsten svarade inte i tid',
  unexpectedAnswer: 'oväntat svar: {{details}}',
  tooLong: 'ett meddelande får vara högst {{max}} tecken',
};

export const widgetResources = { en, sv } as const;
export type WidgetLanguage = keyof typeof widgetResources;

/** `?lang=sv|en` wins; otherwise Swedish for any sv* browser language, English for everything else. */
export function chooseLanguage(search: string, browserLanguage: string | undefined): WidgetLanguage {
  const asked = new URLSearchParams(search).get('lang')?.toLowerCase();
  if (asked === 'sv' || asked === 'en') return asked;
  return browserLanguage?.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}

const i18n = i18next.createInstance();
// Synchronous: the resources are bundled, so the first render already has the right words.
void i18n.init({
  lng: chooseLanguage(globalThis.location?.search ?? '', globalThis.navigator?.language),
  fallbackLng: 'en',
  resources: { en: { translation: en }, sv: { translation: sv } },
  initAsync: false,
  // Every string ends up in textContent, never in HTML, so i18next must not escape it.
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

export const language = i18n.language as WidgetLanguage;

// The console's i18next key typing (renderer/i18n/i18next.d.ts) is global to this one tsconfig; the widget has its
// own dictionary, checked by WidgetKey, so it calls t() through an untyped signature.
const translate = i18n.t.bind(i18n) as unknown as (
  key: string,
  values?: Record<string, string | number>,
) => string;

export function text(key: WidgetKey, values?: Record<string, string | number>): string {
  return translate(key, values);
}

/**
 * Puts the words into the static page: `data-i18n="key"` sets textContent, `data-i18n-placeholder`,
 * `data-i18n-aria-label` and `data-i18n-title` set those attributes.
 */
export function translatePage(root: Document): void {
  root.documentElement.lang = language;
  root.title = text('pageTitle');
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]'))
    node.textContent = text(node.dataset.i18n as WidgetKey);
  for (const attribute of ['placeholder', 'aria-label', 'title']) {
    for (const node of root.querySelectorAll<HTMLElement>(`[data-i18n-${attribute}]`))
      node.setAttribute(attribute, text(node.getAttribute(`data-i18n-${attribute}`) as WidgetKey));
  }
}
