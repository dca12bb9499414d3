// Environment: Node (hub). The shopper widget's socket.io namespace (shared/chat-protocol.ts). A socket
// joins only its own conversation's room, after `chat:hello` proved it holds the chat token. Typing goes
// both ways: the shopper's into the conversation's activity, an agent's reply (never a note) to the shopper.
import type { Namespace, Server, Socket } from 'socket.io';
import type { z } from 'zod';
import {
  CHAT_NAMESPACE,
  chatDeliveredSchema,
  chatEmailSchema,
  chatHandoffAnswerSchema,
  chatHelloSchema,
  chatSendSchema,
  chatTypingSchema,
  type ChatAck,
  type ChatClientToServerEvents,
  type ChatServerToClientEvents,
} from '../../shared/chat-protocol.js';
import type { AgentRef } from '../../shared/domain.js';
import type { CommitBatcher } from '../store/commit-batcher.js';
import type { HubStore } from '../store/hub-store.js';
import type { ActivityTracker } from '../team/activity.js';
import { chatState, toChatMessage, type WebChat } from '../demo/web-chat.js';
import { STORAGE_UNAVAILABLE, storageFaultOf, storageUnavailableMessage } from '../store/storage-faults.js';

interface ChatSocketData {
  chatId?: string;
}
type ChatSocket = Socket<
  ChatClientToServerEvents,
  ChatServerToClientEvents,
  Record<string, never>,
  ChatSocketData
>;

const roomOf = (conversationId: string) => `conversation:${conversationId}`;

function invalid(error: z.ZodError): string {
  return `invalid: ${error.issues.map((issue) => `${issue.path.map(String).join('.') || 'payload'}: ${issue.message}`).join('; ')}`;
}

/** What the shopper sees: the first typing agent by first name, as on their messages. */
function agentTyping(typists: AgentRef[]) {
  const first = typists[0];
  return first
    ? { typing: true, name: first.name.split(/\s+/)[0] ?? first.name }
    : { typing: false, name: null };
}

export function attachChatNamespace(
  io: Server,
  store: HubStore,
  webChat: WebChat,
  activity: ActivityTracker,
  /** Shopper messages, hand-off answers and receipts share a commit with whatever else arrived with them. */
  commits: CommitBatcher,
): Namespace {
  const chat = io.of(CHAT_NAMESPACE) as unknown as Namespace<
    ChatClientToServerEvents,
    ChatServerToClientEvents,
    Record<string, never>,
    ChatSocketData
  >;

  /** Only the assignee can reply, so only their typing is shown to the shopper (never before the handoff). */
  const assigneeTypists = (conversationId: string) => {
    const assignee = store.getConversation(conversationId)?.assignee;
    return assignee ? activity.replyTypists(conversationId).filter((agent) => agent.id === assignee.id) : [];
  };

  /**
   * The chat:state each open conversation's widgets were last sent. Every message changes its conversation but
   * rarely the state a widget shows, so only a real change is pushed; a widget that joins gets the state in its
   * hello answer, which is what everyone in the room was last told.
   */
  const toldState = new Map<string, string>();
  chat.adapter.on('delete-room', (room: string) => toldState.delete(room));

  chat.on('connection', (socket: ChatSocket) => {
    /** Runs a chat action for a socket that said hello, answering through `ack` and never throwing. */
    const act = <S extends z.ZodType>(
      schema: S,
      payload: unknown,
      ack: (response: ChatAck) => void,
      action: (chatId: string, input: z.infer<S>) => ChatAck,
    ) => {
      if (typeof ack !== 'function') return;
      const chatId = socket.data.chatId;
      if (!chatId) return ack({ ok: false, error: 'no_chat: send chat:hello first' });
      // Erased on the shop's request while the widget was open.
      if (!webChat.findSession(chatId))
        return ack({ ok: false, error: 'unknown_chat: this chat was deleted' });
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, error: invalid(parsed.error) });
      // Answered once the shared commit is durable; the chat id is the one this socket had when it asked.
      commits.run(
        (): ChatAck =>
          webChat.findSession(chatId)
            ? action(chatId, parsed.data)
            : { ok: false, error: 'unknown_chat: this chat was deleted' },
        (outcome) => {
          if (outcome.ok) return ack(outcome.value);
          const fault = storageFaultOf(outcome.error);
          if (fault) {
            console.error(`hub: a chat action refused: ${fault}`);
            return ack({ ok: false, error: `${STORAGE_UNAVAILABLE}: ${storageUnavailableMessage(fault)}` });
          }
          console.error('hub: a chat action failed', outcome.error);
          ack({ ok: false, error: 'failed: the hub could not handle this message' });
        },
      );
    };

    socket.on('chat:hello', (payload, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = chatHelloSchema.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, error: invalid(parsed.error) });
      let response;
      try {
        response = webChat.hello(parsed.data);
      } catch (error) {
        const fault = storageFaultOf(error);
        if (fault)
          return ack({ ok: false, error: `${STORAGE_UNAVAILABLE}: ${storageUnavailableMessage(fault)}` });
        console.error('hub: chat:hello failed', error);
        return ack({ ok: false, error: 'failed: the hub could not start this chat' });
      }
      const session = response.ok ? webChat.findSession(response.chatId) : null;
      if (response.ok) {
        if (socket.data.chatId && socket.data.chatId !== response.chatId) {
          const previous = webChat.findSession(socket.data.chatId);
          if (previous) void socket.leave(roomOf(previous.conversationId));
        }
        socket.data.chatId = response.chatId;
        if (session) {
          void socket.join(roomOf(session.conversationId));
          toldState.set(roomOf(session.conversationId), JSON.stringify(response.state));
        }
      }
      ack(response);
      // A shopper who comes back while an agent types sees it at once.
      const typists = session ? assigneeTypists(session.conversationId) : [];
      if (typists.length > 0) socket.emit('chat:typing', agentTyping(typists));
    });

    socket.on('chat:send', (payload, ack) =>
      act(chatSendSchema, payload, ack, (chatId, input) => webChat.send(chatId, input)),
    );
    socket.on('chat:handoff', (payload, ack) =>
      act(chatHandoffAnswerSchema, payload, ack, (chatId, input) =>
        webChat.answerHandoff(chatId, input.accept),
      ),
    );
    socket.on('chat:email', (payload, ack) =>
      act(chatEmailSchema, payload, ack, (chatId, input) => webChat.giveEmail(chatId, input.email)),
    );
    socket.on('chat:typing', (payload) => {
      const parsed = chatTypingSchema.safeParse(payload);
      if (!parsed.success || !socket.data.chatId) return;
      const session = webChat.findSession(socket.data.chatId);
      // Only a handed-off conversation has agents to tell.
      if (session && store.getConversation(session.conversationId)?.escalatedAt)
        activity.setShopperTyping(session.conversationId, parsed.data.typing);
    });
    socket.on('chat:delivered', (payload) => {
      const parsed = chatDeliveredSchema.safeParse(payload);
      if (!parsed.success || !socket.data.chatId) return;
      const chatId = socket.data.chatId;
      commits.run(
        () => webChat.delivered(chatId, parsed.data.messageIds),
        (outcome) => {
          if (!outcome.ok) console.error('hub: a delivery receipt failed', outcome.error);
        },
      );
    });
  });

  store.onCommit((batch) => {
    for (const message of batch.messages) {
      // Internal notes are for agents only.
      if (message.internal) continue;
      chat.to(roomOf(message.conversationId)).emit('chat:message', toChatMessage(message));
    }
    for (const conversation of batch.conversations) {
      const room = roomOf(conversation.id);
      if (!chat.adapter.rooms.has(room)) continue;
      const session = store.findChatSessionByConversation(conversation.id);
      if (!session) continue;
      const state = chatState(conversation, session);
      const text = JSON.stringify(state);
      if (toldState.get(room) === text) continue;
      toldState.set(room, text);
      chat.to(room).emit('chat:state', state);
    }
  });

  /** What each conversation's shopper was last told about agents typing. */
  const toldTyping = new Map<string, string>();
  activity.onChange(({ conversationId }) => {
    const typing = agentTyping(assigneeTypists(conversationId));
    const text = JSON.stringify(typing);
    if ((toldTyping.get(conversationId) ?? JSON.stringify(agentTyping([]))) === text) return;
    if (typing.typing) toldTyping.set(conversationId, text);
    else toldTyping.delete(conversationId);
    chat.to(roomOf(conversationId)).emit('chat:typing', typing);
  });

  return chat as unknown as Namespace;
}
