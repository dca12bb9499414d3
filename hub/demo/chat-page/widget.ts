// Environment: browser. The storefront's chat widget: speaks shared/chat-protocol.ts with the hub over
// socket.io (namespace /chat, same origin), resumes its chat from localStorage, parses every payload, and
// confirms to the hub which human replies it has shown.
import { io, type Socket } from 'socket.io-client';
import {
  CHAT_NAMESPACE,
  chatAckSchema,
  chatHelloResponseSchema,
  chatMessageSchema,
  chatStateSchema,
  agentTypingSchema,
  type ChatAck,
  type ChatClientToServerEvents,
  type ChatServerToClientEvents,
  type ChatState,
} from '../../../shared/chat-protocol.js';
import { MAX_MESSAGE_LENGTH } from '../../../shared/domain.js';
import { clearStoredChat, loadStoredChat, saveStoredChat } from './chat-storage.js';
import { ChatLink, NO_ANSWER, sendUntilAnswered, type SendAnswer } from './reliable-send.js';
import { ChatTranscript } from './chat-transcript.js';
import { TypingSignal } from './typing-signal.js';
import { language, text, translatePage } from './widget-i18n.js';
import {
  describeAgentTyping,
  describeState,
  renderKey,
  renderMessage,
  renderPrompt,
  type LinkState,
} from './widget-view.js';
import './styles.css';

translatePage(document);

const ACK_TIMEOUT_MS = 10_000;
const STICK_THRESHOLD_PX = 48;

function mustFind<T extends HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`chat widget: missing ${selector} in index.html`);
  return found;
}

const view = {
  subtitle: mustFind<HTMLElement>('#chat-subtitle'),
  banner: mustFind<HTMLElement>('#chat-banner'),
  log: mustFind<HTMLElement>('#chat-log'),
  prompt: mustFind<HTMLElement>('#chat-prompt'),
  error: mustFind<HTMLElement>('#chat-error'),
  composer: mustFind<HTMLFormElement>('#chat-composer'),
  input: mustFind<HTMLTextAreaElement>('#chat-message'),
  send: mustFind<HTMLButtonElement>('#chat-send'),
  newConversation: mustFind<HTMLAnchorElement>('#chat-new'),
  agentTyping: mustFind<HTMLElement>('#chat-typing'),
};

const transcript = new ChatTranscript();
const drawn = new Map<string, { node: HTMLElement; key: string }>();
/** Agent replies already confirmed to the hub (so each is receipted once per page). */
const receipted = new Set<string>();
let state: ChatState | null = null;
let link: LinkState = 'connecting';
let ready = false;
/** Resumed (hello answered) on the current connection: shopper messages go out only then. */
const chatLink = new ChatLink();
let promptDrawn: string | null = null;
/** What the hub last said about the human agent typing (null once a reply lands or the link drops). */
let agentTyping: { typing: boolean; name: string | null } | null = null;

const socket: Socket<ChatServerToClientEvents, ChatClientToServerEvents> = io(CHAT_NAMESPACE);
const typingSignal = new TypingSignal((typing) => {
  // Live state only: a signal that can't go out now is worthless later, so it is not buffered.
  if (ready && socket.connected) socket.volatile.emit('chat:typing', { typing });
});

function showError(message: string | null) {
  view.error.hidden = message === null;
  view.error.textContent = message === null ? '' : text('failed', { error: message });
}

function describeZod(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .map((issue) => `${issue.path.map(String).join('.') || 'payload'}: ${issue.message}`)
    .join('; ');
}

function render() {
  const stick = view.log.scrollHeight - view.log.scrollTop - view.log.clientHeight < STICK_THRESHOLD_PX;
  const messages = transcript.messages();
  const present = new Set(messages.map((message) => message.id));
  for (const [id, entry] of drawn) {
    if (!present.has(id)) {
      entry.node.remove();
      drawn.delete(id);
    }
  }
  // appendChild moves existing nodes, so this both adds new messages and keeps the order by position.
  for (const message of messages) {
    const key = renderKey(message);
    let entry = drawn.get(message.id);
    if (!entry || entry.key !== key) {
      const node = renderMessage(message);
      entry?.node.replaceWith(node);
      entry = { node, key };
      drawn.set(message.id, entry);
    }
    view.log.append(entry.node);
  }

  const lastAgent = [...messages].reverse().find((message) => message.author === 'agent');
  const described = describeState(state, link, lastAgent?.authorName ?? null);
  view.subtitle.textContent = described.subtitle;
  view.banner.hidden = described.banner === null;
  view.banner.replaceChildren();
  if (described.banner) {
    const title = document.createElement('strong');
    title.textContent = described.banner.title;
    const detail = document.createElement('span');
    detail.textContent = described.banner.detail;
    view.banner.append(title, detail);
  }

  const prompt = ready ? (state?.prompt ?? null) : null;
  if (prompt !== promptDrawn) {
    promptDrawn = prompt;
    view.prompt.replaceChildren(
      ...[renderPrompt(prompt, { answerHandoff, giveEmail })].filter(
        (node): node is HTMLElement => node !== null,
      ),
    );
  }
  view.send.disabled = !ready;
  const typingLine = describeAgentTyping(agentTyping);
  view.agentTyping.hidden = typingLine === null;
  view.agentTyping.textContent = typingLine ?? '';

  if (stick) view.log.scrollTop = view.log.scrollHeight;
  sendReceipts();
}

/** Tells the hub which human replies the shopper has actually had on screen. */
function sendReceipts() {
  if (document.visibilityState !== 'visible' || !socket.connected) return;
  const shown = transcript
    .messages()
    .filter((message) => message.author === 'agent' && !message.sending && !receipted.has(message.id))
    .map((message) => message.id);
  if (shown.length === 0) return;
  for (const id of shown) receipted.add(id);
  socket.emit('chat:delivered', { messageIds: shown });
}

/** Emits an action and parses the hub's answer; NO_ANSWER when none came (link dropped or timed out). */
async function emitOnce(
  event: 'chat:send' | 'chat:handoff' | 'chat:email',
  payload: unknown,
): Promise<SendAnswer> {
  try {
    const raw: unknown = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
    const parsed = chatAckSchema.safeParse(raw);
    return parsed.success
      ? parsed.data
      : { ok: false, error: text('unexpectedAnswer', { details: describeZod(parsed.error.issues) }) };
  } catch {
    return NO_ANSWER;
  }
}

async function emitAction(event: 'chat:handoff' | 'chat:email', payload: unknown): Promise<ChatAck> {
  const answer = await emitOnce(event, payload);
  return answer === NO_ANSWER ? { ok: false, error: text('noAnswer') } : answer;
}

/** Starts or resumes the chat. Bounded: a stale stored chat is forgotten once, then a new one starts. */
async function hello() {
  const params = new URLSearchParams(location.search);
  // A signed-in storefront would pass what it knows; the demo takes it from the URL (?email=…&name=…).
  const email = params.get('email') ?? undefined;
  const name = params.get('name') ?? undefined;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const stored = loadStoredChat();
    const payload = stored ?? { language, ...(email || name ? { shopper: { email, name } } : {}) };
    let raw: unknown;
    try {
      raw = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('chat:hello', payload);
    } catch {
      showError(text('noAnswer'));
      return;
    }
    const parsed = chatHelloResponseSchema.safeParse(raw);
    if (!parsed.success) {
      showError(text('unexpectedAnswer', { details: describeZod(parsed.error.issues) }));
      return;
    }
    const response = parsed.data;
    if (response.ok) {
      saveStoredChat({ chatId: response.chatId, chatToken: response.chatToken });
      transcript.merge(response.transcript);
      state = response.state;
      ready = true;
      chatLink.open();
      showError(null);
      render();
      return;
    }
    if (stored && response.error.startsWith('unknown_chat')) {
      clearStoredChat();
      transcript.clear();
      continue;
    }
    showError(response.error);
    return;
  }
}

async function sendMessage() {
  const words = view.input.value.trim();
  if (!words || !ready) return;
  if (words.length > MAX_MESSAGE_LENGTH) {
    showError(text('tooLong', { max: MAX_MESSAGE_LENGTH }));
    return;
  }
  typingSignal.stop();
  const id = crypto.randomUUID();
  transcript.addSending(id, words, new Date().toISOString());
  view.input.value = '';
  view.log.scrollTop = view.log.scrollHeight;
  render();
  // Same id on every try: the hub keeps it once, even if an earlier try's answer was lost with the link.
  const answer = await sendUntilAnswered(() => emitOnce('chat:send', { id, text: words }), chatLink);
  const ack: ChatAck = answer === NO_ANSWER ? { ok: false, error: text('noAnswer') } : answer;
  if (!ack.ok) {
    transcript.remove(id);
    view.input.value = words; // give the shopper their words back
    showError(ack.error);
    render();
  }
}

async function answerHandoff(accept: boolean) {
  const ack = await emitAction('chat:handoff', { accept });
  showError(ack.ok ? null : ack.error);
}

async function giveEmail(email: string) {
  const ack = await emitAction('chat:email', { email });
  showError(ack.ok ? null : ack.error);
}

socket.on('connect', () => {
  link = 'online';
  render();
  void hello(); // also after a reconnect: resuming brings back anything missed meanwhile
});
socket.on('disconnect', () => {
  link = 'reconnecting';
  chatLink.close();
  agentTyping = null;
  typingSignal.reset();
  render();
});
socket.on('chat:message', (raw: unknown) => {
  const parsed = chatMessageSchema.safeParse(raw);
  if (!parsed.success) return console.error('chat widget: dropped a malformed message', parsed.error.issues);
  // A human reply ends that agent's typing, even if the hub's "stopped" comes a moment later.
  if (parsed.data.author === 'agent') agentTyping = null;
  if (transcript.merge([parsed.data]) || parsed.data.author === 'agent') render();
});
socket.on('chat:state', (raw: unknown) => {
  const parsed = chatStateSchema.safeParse(raw);
  if (!parsed.success) return console.error('chat widget: dropped a malformed state', parsed.error.issues);
  state = parsed.data;
  render();
});
socket.on('chat:typing', (raw: unknown) => {
  const parsed = agentTypingSchema.safeParse(raw);
  if (!parsed.success)
    return console.error('chat widget: dropped a malformed typing signal', parsed.error.issues);
  agentTyping = parsed.data;
  render();
});

view.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  void sendMessage();
});
view.input.addEventListener('input', () => typingSignal.input(view.input.value.trim() !== ''));
view.input.addEventListener('blur', () => typingSignal.stop());
view.input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    void sendMessage();
  }
});
view.newConversation.addEventListener('click', () => {
  // The link then reloads the page, which starts a fresh chat.
  clearStoredChat();
});
document.addEventListener('visibilitychange', sendReceipts);
// Reload this same page (keeping ?email=… for demos) after clearing the stored chat.
view.newConversation.href = location.pathname + location.search;
render();
