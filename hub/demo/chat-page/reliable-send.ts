// Environment: browser (no DOM). A shopper's message goes out until the hub answers for it. The link can drop
// after the hub stored it but before its answer arrived (a hub crash, a network blip), or a message typed while
// reconnecting can reach a restarted hub before the widget said hello again: both are sent again with the same
// id once the chat is resumed. The hub stores an id once, so the shopper's words are neither lost nor doubled.
import type { ChatAck } from '../../../shared/chat-protocol.js';

/** No answer came: the link dropped or the hub did not answer in time. */
export const NO_ANSWER = 'no_answer';
export type SendAnswer = ChatAck | typeof NO_ANSWER;

/** How often one message is tried before the widget gives the words back (each try waits for a resumed chat). */
export const SEND_ATTEMPTS = 5;

/** Whether an answer means "try again once the chat is resumed" rather than the hub's verdict on the message. */
export function isRetriable(answer: SendAnswer): boolean {
  // no_chat: this socket has not said hello yet (a buffered send reached a restarted hub first).
  return answer === NO_ANSWER || (!answer.ok && answer.error.startsWith('no_chat'));
}

/** Open while the chat is resumed on the current connection; waiters go in the order they came. */
export class ChatLink {
  private resumed = false;
  private waiters: (() => void)[] = [];

  /** The hub answered hello on this connection. */
  open(): void {
    this.resumed = true;
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** The connection dropped: sends wait for the next hello. */
  close(): void {
    this.resumed = false;
  }

  ready(): Promise<void> {
    return this.resumed ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** Sends (same payload, same id) until an answer that is not retriable, at most `attempts` times. */
export async function sendUntilAnswered(
  send: () => Promise<SendAnswer>,
  link: ChatLink,
  attempts = SEND_ATTEMPTS,
): Promise<SendAnswer> {
  let answer: SendAnswer = NO_ANSWER;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    await link.ready();
    answer = await send();
    if (!isRetriable(answer)) return answer;
  }
  return answer;
}
