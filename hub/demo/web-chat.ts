// Environment: Node (hub). The web chat channel with the demo Customer Agent: chat sessions for the
// storefront widget, the AI's answers and events, and the handoff as the seed describes it for web
// chat (ask first; ask for an email if the shopper has none; then hand off to the team, under the handoff
// rules). In "do not hand off" mode the Customer Agent answers with the configured message instead.
import { randomUUID } from 'node:crypto';
import type { Conversation, Message } from '../../shared/domain.js';
import type { ChatAck, ChatHelloResponse, ChatMessage, ChatState } from '../../shared/chat-protocol.js';
import { METRICS } from '../../shared/events.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { isoAt, secondsBetween, type Clock } from '../core/clock.js';
import { appendMetric } from '../core/events.js';
import { applyHandoffRules, type HandoffRules } from '../core/handoff-rules.js';
import { appendEscalatedEvent, appendShopperMessage } from '../core/handoffs.js';
import type { ChatSession, HubStore } from '../store/hub-store.js';
import { decideTurn, detectLanguage } from './customer-agent.js';
import { CUSTOMER_AGENT_NAME, phrases, type Language } from './knowledge-base.js';

const AUTHOR_NAMES: Record<Message['author'], string | null> = {
  customer_agent: CUSTOMER_AGENT_NAME,
  agent: null,
  shopper: null,
  system: null,
};

export function toChatMessage(message: Message): ChatMessage {
  return {
    id: message.id,
    position: message.position,
    author: message.author,
    // Shoppers see a human agent by first name only.
    authorName: message.agent
      ? (message.agent.name.split(/\s+/)[0] ?? message.agent.name)
      : AUTHOR_NAMES[message.author],
    text: message.text,
    sentAt: message.sentAt,
    products: message.products,
  };
}

export function chatState(conversation: Conversation, session: ChatSession): ChatState {
  return { status: conversation.status, prompt: session.prompt };
}

export class WebChat {
  constructor(
    private readonly store: HubStore,
    private readonly clock: Clock,
    private readonly rules: HandoffRules,
  ) {}

  private handsOff(): boolean {
    return this.rules.settings().handoffMode === 'helpdesk';
  }

  /** "Do not hand off": the configured message, as configured, and no offer of a human. */
  private sayNoHandoff(session: ChatSession, language = session.language): void {
    this.say(session.conversationId, this.rules.settings().doNotHandOffMessage);
    this.store.updateChatSession(session.chatId, { language, prompt: null, pendingReason: null });
  }

  private now(): string {
    return isoAt(this.clock());
  }

  /** Resumes a chat when its id and token match, or starts a new one with the Customer Agent's greeting. */
  hello(input: {
    chatId?: string;
    chatToken?: string;
    language?: Language;
    shopper?: { email?: string; name?: string };
  }): ChatHelloResponse {
    if (input.chatId !== undefined || input.chatToken !== undefined) {
      const session = input.chatId ? this.store.findChatSession(input.chatId) : null;
      if (!session || !input.chatToken || session.tokenHash !== hashToken(input.chatToken)) {
        return { ok: false, error: 'unknown_chat: this chat does not exist or its token does not match' };
      }
      return { ok: true, chatId: session.chatId, chatToken: input.chatToken, ...this.snapshot(session) };
    }
    const chatToken = newToken();
    const session = this.store.transaction(() => {
      const now = this.now();
      const conversation = this.store.insertConversation({
        id: `chat-${randomUUID()}`,
        channel: 'web_chat',
        status: 'with_ai',
        shopper: { ...input.shopper },
        escalation: null,
        createdAt: now,
        escalatedAt: null,
      });
      const created: ChatSession = {
        chatId: randomUUID(),
        conversationId: conversation.id,
        tokenHash: hashToken(chatToken),
        prompt: null,
        pendingReason: null,
        lastSkill: null,
        language: input.language ?? 'en',
        createdAt: now,
      };
      this.store.insertChatSession(created);
      this.say(conversation.id, phrases.greeting[created.language]);
      return created;
    });
    return { ok: true, chatId: session.chatId, chatToken, ...this.snapshot(session) };
  }

  findSession(chatId: string): ChatSession | null {
    return this.store.findChatSession(chatId);
  }

  snapshot(session: ChatSession): { transcript: ChatMessage[]; state: ChatState } {
    const conversation = this.mustGetConversation(session.conversationId);
    return {
      // Internal notes never reach the shopper.
      transcript: this.store
        .listMessages(session.conversationId)
        .filter((message) => !message.internal)
        .map(toChatMessage),
      state: chatState(conversation, session),
    };
  }

  /** A shopper message: idempotent by id. The Customer Agent answers while it still has the conversation. */
  send(chatId: string, message: { id: string; text: string }): ChatAck {
    return this.store.transaction((): ChatAck => {
      const session = this.mustGetSession(chatId);
      const firstMessage = !this.store.hasMessageFrom(session.conversationId, 'shopper');
      const now = this.now();
      const outcome = appendShopperMessage(
        this.store,
        session.conversationId,
        { ...message, sentAt: now },
        now,
      );
      if (outcome.kind === 'id_taken')
        return { ok: false, error: 'id_taken: send the message with a new id' };
      if (outcome.kind !== 'created') return { ok: true };
      let conversation = outcome.conversation;
      if (conversation.status === 'resolved' && conversation.escalatedAt === null) {
        // The AI had resolved it; a new question starts over with the AI.
        conversation = this.store.updateConversation(conversation.id, {
          status: 'with_ai',
          resolvedAt: null,
        });
      }
      if (conversation.status !== 'with_ai') return { ok: true };
      if (session.prompt === 'ask_email') {
        const email = message.text.trim();
        if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return this.acceptEmail(session, email);
      }
      this.customerAgentTurn(session, conversation, message.text, firstMessage);
      return { ok: true };
    });
  }

  private customerAgentTurn(
    session: ChatSession,
    conversation: Conversation,
    text: string,
    firstMessage: boolean,
  ) {
    const now = this.now();
    const language = detectLanguage(text, session.language);
    const hasAnswered = session.lastSkill !== null;
    const turn = decideTurn(text, language, hasAnswered);
    if (firstMessage) {
      appendMetric(this.store, METRICS.startedConversation, conversation, now, {
        conversation_id: conversation.id,
        channel: conversation.channel,
        first_message: text,
        initial_skill: turn.skill,
      });
    }
    switch (turn.kind) {
      case 'answer':
        this.say(conversation.id, turn.text, turn.products);
        this.store.updateChatSession(session.chatId, {
          language,
          prompt: null,
          pendingReason: null,
          // A greeting or a polite reply is not help yet; only a real answer lets "thanks" resolve.
          lastSkill: turn.skill === 'general' ? session.lastSkill : turn.skill,
        });
        if (turn.products.length > 0) {
          appendMetric(this.store, METRICS.receivedProductRecommendation, conversation, now, {
            conversation_id: conversation.id,
            channel: conversation.channel,
            products: turn.products.map((product) => product.sku),
          });
        }
        return;
      case 'offer_handoff':
        if (!this.handsOff()) return this.sayNoHandoff(session, language);
        this.say(conversation.id, turn.text);
        this.store.updateChatSession(session.chatId, {
          language,
          prompt: 'offer_handoff',
          pendingReason: turn.reason,
        });
        return;
      case 'resolve': {
        this.say(conversation.id, turn.text);
        this.store.updateChatSession(session.chatId, { language, prompt: null, pendingReason: null });
        const resolved = this.store.updateConversation(conversation.id, {
          status: 'resolved',
          resolvedAt: now,
        });
        const procedure = session.lastSkill;
        appendMetric(this.store, METRICS.conversationResolved, resolved, now, {
          conversation_id: resolved.id,
          channel: resolved.channel,
          procedure,
          tags: procedure ? [procedure] : [],
          resolution_seconds: secondsBetween(resolved.createdAt, now),
        });
        return;
      }
    }
  }

  /** The shopper's answer to "Would you like me to connect you with someone from our team?". */
  answerHandoff(chatId: string, accept: boolean): ChatAck {
    return this.store.transaction((): ChatAck => {
      const session = this.mustGetSession(chatId);
      const conversation = this.mustGetConversation(session.conversationId);
      if (conversation.status !== 'with_ai' || session.prompt !== 'offer_handoff') {
        return { ok: false, error: 'no_handoff_offered: there is no handoff question to answer' };
      }
      if (!accept) {
        this.say(conversation.id, phrases.declined[session.language]);
        this.store.updateChatSession(chatId, { prompt: null, pendingReason: null });
        return { ok: true };
      }
      // The mode changed after the offer: keep the new rule.
      if (!this.handsOff()) {
        this.sayNoHandoff(session);
        return { ok: true };
      }
      if (!conversation.shopper.email) {
        // The seed: an unauthenticated visitor is asked for an email before the ticket is created.
        this.say(conversation.id, phrases.askEmail[session.language]);
        this.store.updateChatSession(chatId, { prompt: 'ask_email' });
        return { ok: true };
      }
      this.handOff(session, conversation);
      return { ok: true };
    });
  }

  giveEmail(chatId: string, email: string): ChatAck {
    return this.store.transaction((): ChatAck => {
      const session = this.mustGetSession(chatId);
      if (session.prompt !== 'ask_email')
        return { ok: false, error: 'no_email_asked: no email was asked for' };
      return this.acceptEmail(session, email);
    });
  }

  private acceptEmail(session: ChatSession, email: string): ChatAck {
    const conversation = this.mustGetConversation(session.conversationId);
    const updated = this.store.updateConversation(conversation.id, {
      shopper: { ...conversation.shopper, email },
    });
    if (this.handsOff()) this.handOff(session, updated);
    else this.sayNoHandoff(session);
    return { ok: true };
  }

  private handOff(session: ChatSession, conversation: Conversation): void {
    const now = this.now();
    const reason = session.pendingReason ?? 'shopper_requested';
    const procedure = session.lastSkill ?? 'general';
    this.say(conversation.id, phrases.handedOff[session.language], [], 'system');
    this.store.updateChatSession(session.chatId, { prompt: null, pendingReason: null });
    const escalated = this.store.updateConversation(conversation.id, {
      status: 'queued',
      escalation: { reason, procedure, tags: [procedure] },
      escalatedAt: now,
    });
    appendEscalatedEvent(this.store, escalated, now);
    applyHandoffRules(this.store, this.rules, escalated, Date.parse(now));
  }

  /** The widget showed these agent replies to the shopper. */
  delivered(chatId: string, messageIds: string[]): void {
    const session = this.store.findChatSession(chatId);
    if (session) this.store.markDelivered(session.conversationId, messageIds);
  }

  private say(
    conversationId: string,
    text: string,
    products: Message['products'] = [],
    author: 'customer_agent' | 'system' = 'customer_agent',
  ) {
    this.store.insertMessage({
      conversationId,
      id: `ai-${randomUUID()}`,
      author,
      agent: null,
      text,
      sentAt: this.now(),
      delivery: null,
      products,
    });
  }

  private mustGetSession(chatId: string): ChatSession {
    const session = this.store.findChatSession(chatId);
    if (!session) throw new Error(`no chat session ${chatId}`);
    return session;
  }

  private mustGetConversation(id: string): Conversation {
    const conversation = this.store.getConversation(id);
    if (!conversation) throw new Error(`no conversation ${id}`);
    return conversation;
  }
}
