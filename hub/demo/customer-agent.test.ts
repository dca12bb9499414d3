import { describe, expect, it } from 'vitest';
import { decideTurn, detectLanguage } from './customer-agent.js';

describe('the demo Customer Agent', () => {
  it('answers shipping, returns and order questions in the shopper language', () => {
    expect(decideTurn('How much is shipping?', 'en', false)).toMatchObject({
      kind: 'answer',
      skill: 'shipping',
    });
    const swedish = decideTurn('Vad kostar frakten?', detectLanguage('Vad kostar frakten?'), false);
    expect(swedish).toMatchObject({ kind: 'answer', skill: 'shipping' });
    expect(swedish.text).toMatch(/Standardfrakt/);
    expect(decideTurn('Hur gör jag en retur?', 'sv', false)).toMatchObject({ skill: 'returns' });
    expect(decideTurn('Where is my order #1234?', 'en', false)).toMatchObject({ skill: 'order_tracking' });
  });

  it('recommends two or three catalogue products', () => {
    const turn = decideTurn('Can you recommend a gift for my dad?', 'en', false);
    expect(turn.kind).toBe('answer');
    if (turn.kind !== 'answer') return;
    expect(turn.skill).toBe('product_recommendation');
    expect(turn.products.length).toBeGreaterThanOrEqual(2);
    expect(turn.products.length).toBeLessThanOrEqual(3);
    expect(new Set(turn.products.map((product) => product.sku)).size).toBe(turn.products.length);
  });

  it('offers a human when asked or when it does not know, and never hands off by itself', () => {
    expect(decideTurn('I want to talk to a human', 'en', false)).toMatchObject({
      kind: 'offer_handoff',
      reason: 'shopper_requested',
    });
    expect(decideTurn('Kan jag prata med en människa?', 'sv', false)).toMatchObject({
      reason: 'shopper_requested',
    });
    expect(decideTurn('Is the blue vase dishwasher safe?', 'en', false)).toMatchObject({
      kind: 'offer_handoff',
      reason: 'knowledge_gap',
    });
  });

  it('resolves on thanks only after it has helped', () => {
    expect(decideTurn('Thanks, that is all', 'en', true)).toMatchObject({ kind: 'resolve' });
    expect(decideTurn('Tack!', 'sv', true).text).toBe('Varsågod! Ha en fin dag.');
    expect(decideTurn('thanks', 'en', false)).toMatchObject({ kind: 'answer' });
  });

  it('tells Swedish from English', () => {
    expect(detectLanguage('Hej! Var är mitt paket?')).toBe('sv');
    expect(detectLanguage('Hi, where is my parcel?')).toBe('en');
  });
});
