// Environment: browser. DOM for the chat widget. Message text is only ever set with textContent; links are
// built as elements from splitLinks, never from HTML.
import type { ChatPrompt, ChatState } from '../../../shared/chat-protocol.js';
import type { Product } from '../../../shared/domain.js';
import type { ShownMessage } from './chat-transcript.js';
import { splitLinks } from '../../../shared/message-links.js';
import { language, text } from './widget-i18n.js';

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
  list.setAttribute('aria-label', text('recommended'));
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

const timeFormat = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
const fullFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' });

/** The message's words, with its http(s) URLs as links that open in a new tab. */
function messageText(tag: 'p' | 'div', className: string, words: string): HTMLElement {
  const node = element(tag, className);
  for (const part of splitLinks(words)) {
    if (part.kind === 'text') {
      node.append(part.text);
      continue;
    }
    const link = element('a', 'chat-link', part.text);
    link.href = part.href;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.title = text('opensInNewTab');
    node.append(link);
  }
  return node;
}

/** A fresh element for one message. */
export function renderMessage(message: ShownMessage): HTMLElement {
  if (message.author === 'system') {
    const note = messageText('div', 'chat-msg chat-msg--system', message.text);
    note.dataset.messageId = message.id;
    return note;
  }
  const item = element('div', `chat-msg chat-msg--${message.author}${message.sending ? ' is-sending' : ''}`);
  item.dataset.messageId = message.id;
  item.dataset.author = message.author;

  const head = element('div', 'chat-msg__head');
  const name =
    message.author === 'shopper'
      ? text('shopper')
      : message.author === 'customer_agent'
        ? (message.authorName ?? text('customerAgent'))
        : (message.authorName ?? text('agent'));
  head.append(element('span', 'chat-msg__author', name));
  if (message.author === 'customer_agent') head.append(element('span', 'chat-badge', text('ai')));
  const time = element(
    'time',
    'chat-msg__time',
    message.sending ? text('sending') : timeFormat.format(new Date(message.sentAt)),
  );
  time.dateTime = message.sentAt;
  time.title = fullFormat.format(new Date(message.sentAt));
  head.append(time);

  const bubble = element('div', 'chat-msg__bubble');
  bubble.append(messageText('p', 'chat-msg__text', message.text));
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
    return { subtitle: text(link === 'connecting' ? 'connecting' : 'reconnecting'), banner: null };
  switch (state?.status) {
    case 'queued':
      return { subtitle: text('waiting'), banner: { title: text('waiting'), detail: text('waitingDetail') } };
    // Pending and snoozed are the team's own bookkeeping: to the shopper the chat is simply open.
    case 'open':
    case 'pending':
    case 'snoozed':
      return {
        subtitle: agentName ? text('chattingWith', { name: agentName }) : text('agentJoined'),
        banner: null,
      };
    case 'resolved':
      return { subtitle: text('resolved'), banner: null };
    default:
      return { subtitle: text('withAi'), banner: null };
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
    box.append(element('p', 'chat-prompt__question', text('offerHandoff')));
    const buttons = element('div', 'chat-prompt__buttons');
    const yes = element('button', 'chat-button chat-button--primary', text('yes'));
    yes.type = 'button';
    yes.addEventListener('click', () => handlers.answerHandoff(true));
    const no = element('button', 'chat-button', text('no'));
    no.type = 'button';
    no.addEventListener('click', () => handlers.answerHandoff(false));
    buttons.append(yes, no);
    box.append(buttons);
    return box;
  }
  if (prompt === 'ask_email') {
    const form = element('form', 'chat-prompt');
    const label = element('label', 'chat-prompt__question', text('askEmail'));
    label.htmlFor = 'chat-email';
    const row = element('div', 'chat-prompt__row');
    const input = element('input', 'chat-input');
    input.id = 'chat-email';
    input.type = 'email';
    input.required = true;
    input.autocomplete = 'email';
    input.placeholder = 'name@example.com';
    // The visible label is a sentence; the accessible name is the field's short name.
    input.setAttribute('aria-label', text('emailLabel'));
    const submit = element('button', 'chat-button chat-button--primary', text('continue'));
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

/** The line under the transcript while a human agent types a reply. */
export function describeAgentTyping(typing: { typing: boolean; name: string | null } | null): string | null {
  if (!typing?.typing) return null;
  return typing.name ? text('typing', { name: typing.name }) : text('someoneTyping');
}
