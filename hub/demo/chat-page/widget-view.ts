// Environment: browser. DOM for the chat widget. Message text is only ever set with textContent.
import type { ChatPrompt, ChatState } from '../../../shared/chat-protocol.js';
import type { Product } from '../../../shared/domain.js';
import type { ShownMessage } from './chat-transcript.js';

export const strings = {
  title: 'Nordic Threads support',
  withAi: 'Customer Agent · AI assistant',
  waiting: 'Waiting for an agent…',
  waitingDetail: 'You are in the queue. Keep this page open; a person will answer here.',
  chattingWith: (name: string) => `You are chatting with ${name}`,
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
  failed: (error: string) => `Something went wrong: ${error}`,
} as const;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function productCards(products: Product[]): HTMLElement {
  const list = element('ul', 'chat-products');
  list.setAttribute('aria-label', strings.recommended);
  for (const product of products) {
    const card = element('li', 'chat-product');
    card.append(
      element('span', 'chat-product__name', product.name),
      element('span', 'chat-product__price', product.price),
    );
    list.append(card);
  }
  return list;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A fresh element for one message. */
export function renderMessage(message: ShownMessage): HTMLElement {
  if (message.author === 'system') {
    const note = element('div', 'chat-msg chat-msg--system', message.text);
    note.dataset.messageId = message.id;
    return note;
  }
  const item = element('div', `chat-msg chat-msg--${message.author}${message.sending ? ' is-sending' : ''}`);
  item.dataset.messageId = message.id;
  item.dataset.author = message.author;

  const head = element('div', 'chat-msg__head');
  const name =
    message.author === 'shopper'
      ? strings.shopper
      : message.author === 'customer_agent'
        ? (message.authorName ?? strings.customerAgent)
        : (message.authorName ?? strings.agent);
  head.append(element('span', 'chat-msg__author', name));
  if (message.author === 'customer_agent') head.append(element('span', 'chat-badge', strings.ai));
  const time = element(
    'time',
    'chat-msg__time',
    message.sending ? strings.sending : timeFormat.format(new Date(message.sentAt)),
  );
  time.dateTime = message.sentAt;
  time.title = fullFormat.format(new Date(message.sentAt));
  head.append(time);

  const bubble = element('div', 'chat-msg__bubble');
  bubble.append(element('p', 'chat-msg__text', message.text));
  if (message.products.length > 0) bubble.append(productCards(message.products));
  item.append(head, bubble);
  return item;
}

/** A key that changes whenever a message must be drawn again. */
export function renderKey(message: ShownMessage): string {
  return `${message.sending ? 's' : 'h'}|${message.text}|${message.authorName ?? ''}|${message.products.length}`;
}

export type LinkState = 'connecting' | 'online' | 'reconnecting';

/** The line under the widget title, and whether to show the waiting banner. */
export function describeState(state: ChatState | null, link: LinkState, agentName: string | null) {
  if (link !== 'online')
    return { subtitle: link === 'connecting' ? strings.connecting : strings.reconnecting, banner: null };
  switch (state?.status) {
    case 'queued':
      return { subtitle: strings.waiting, banner: { title: strings.waiting, detail: strings.waitingDetail } };
    case 'open':
      return { subtitle: agentName ? strings.chattingWith(agentName) : strings.agentJoined, banner: null };
    case 'resolved':
      return { subtitle: strings.resolved, banner: null };
    default:
      return { subtitle: strings.withAi, banner: null };
  }
}

export interface PromptHandlers {
  answerHandoff(accept: boolean): void;
  giveEmail(email: string): void;
}

/** The controls under the transcript for the Customer Agent's current question. */
export function renderPrompt(prompt: ChatPrompt, handlers: PromptHandlers): HTMLElement | null {
  if (prompt === 'offer_handoff') {
    const box = element('div', 'chat-prompt');
    box.append(element('p', 'chat-prompt__question', strings.offerHandoff));
    const buttons = element('div', 'chat-prompt__buttons');
    const yes = element('button', 'chat-button chat-button--primary', strings.yes);
    yes.type = 'button';
    yes.addEventListener('click', () => handlers.answerHandoff(true));
    const no = element('button', 'chat-button', strings.no);
    no.type = 'button';
    no.addEventListener('click', () => handlers.answerHandoff(false));
    buttons.append(yes, no);
    box.append(buttons);
    return box;
  }
  if (prompt === 'ask_email') {
    const form = element('form', 'chat-prompt');
    const label = element('label', 'chat-prompt__question', strings.askEmail);
    label.htmlFor = 'chat-email';
    const row = element('div', 'chat-prompt__row');
    const input = element('input', 'chat-input');
    input.id = 'chat-email';
    input.type = 'email';
    input.required = true;
    input.autocomplete = 'email';
    input.placeholder = 'name@example.com';
    // The visible label is a sentence; the accessible name is the field's short name.
    input.setAttribute('aria-label', strings.emailLabel);
    const submit = element('button', 'chat-button chat-button--primary', strings.continue);
    submit.type = 'submit';
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.value.trim()) handlers.giveEmail(input.value.trim());
    });
    row.append(input, submit);
    form.append(label, row);
    queueMicrotask(() => input.focus());
    return form;
  }
  return null;
}
