import { describe, expect, it } from 'vitest';
import { ChatLink, NO_ANSWER, isRetriable, sendUntilAnswered, type SendAnswer } from './reliable-send.js';

/** A send that answers from a script, recording each try. */
function scripted(answers: SendAnswer[]) {
  const tries: number[] = [];
  const send = () => {
    tries.push(tries.length + 1);
    return Promise.resolve(answers[tries.length - 1] ?? NO_ANSWER);
  };
  return { send, tries };
}

describe('sendUntilAnswered', () => {
  it('sends again after a lost answer, once the chat is resumed, and stops at the first verdict', async () => {
    const link = new ChatLink();
    link.open();
    const { send, tries } = scripted([NO_ANSWER, { ok: true }]);
    let settled = false;
    // The first try loses its answer and the link drops with it: the second waits for the next hello.
    const sending = sendUntilAnswered(async () => {
      const answer = await send();
      if (answer === NO_ANSWER) link.close();
      return answer;
    }, link).then((answer) => {
      settled = true;
      return answer;
    });
    await expect.poll(() => tries.length).toBe(1);
    expect(settled).toBe(false);
    link.open();
    expect(await sending).toEqual({ ok: true });
    expect(tries).toEqual([1, 2]);
  });

  it("retries a hub that has not had this socket's hello yet, but not the hub's refusals", async () => {
    const link = new ChatLink();
    link.open();
    const noChat = scripted([{ ok: false, error: 'no_chat: send chat:hello first' }, { ok: true }]);
    expect(await sendUntilAnswered(noChat.send, link)).toEqual({ ok: true });
    expect(noChat.tries).toHaveLength(2);

    const refused = scripted([{ ok: false, error: 'invalid: text: Too big' }]);
    expect(await sendUntilAnswered(refused.send, link)).toEqual({
      ok: false,
      error: 'invalid: text: Too big',
    });
    expect(refused.tries).toHaveLength(1);
  });

  it('gives up after a bounded number of tries', async () => {
    const link = new ChatLink();
    link.open();
    const { send, tries } = scripted([]);
    expect(await sendUntilAnswered(send, link, 3)).toBe(NO_ANSWER);
    expect(tries).toHaveLength(3);
  });

  it('wakes waiting sends in the order they were made', async () => {
    const link = new ChatLink();
    const order: string[] = [];
    const first = link.ready().then(() => order.push('first'));
    const second = link.ready().then(() => order.push('second'));
    link.open();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
    expect(isRetriable({ ok: true })).toBe(false);
  });
});
