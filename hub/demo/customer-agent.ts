// Environment: Node (hub). The demo Customer Agent's reasoning: what to do with one shopper message.
// Pure: no storage, no clock, so the rules are easy to read and to test.
import type { Product } from '../../shared/domain.js';
import { answers, catalogue, phrases, type Language, type Skill } from './knowledge-base.js';

export type EscalationReason = 'shopper_requested' | 'knowledge_gap';

export type AgentTurn =
  | { kind: 'answer'; skill: Skill; text: string; products: Product[] }
  | { kind: 'offer_handoff'; skill: Skill; reason: EscalationReason; text: string }
  /** The shopper is satisfied after an answer: the AI resolves the conversation without a handoff. */
  | { kind: 'resolve'; skill: Skill; text: string };

/** Word starts, so "retur" matches "returnera" and "ship" matches "shipping", but "agent" not "reagent". */
function mentions(text: string, words: readonly string[]): boolean {
  return words.some((word) => new RegExp(`(?<!\\p{L})${word}`, 'iu').test(text));
}

const SWEDISH = [
  'hej',
  'tack',
  'frakt',
  'retur',
  'beställning',
  'leverans',
  'människa',
  'handläggare',
  'jag',
  'och',
  'är',
  'vad',
  'hur',
  'min',
  'kan',
  'det',
];
const HUMAN = [
  'human',
  'agent',
  'person',
  'someone real',
  'real person',
  'människa',
  'handläggare',
  'personal',
  'riktig',
];
const RECOMMEND = ['recommend', 'suggest', 'gift', 'rekommendera', 'tips', 'present', 'förslag'];
const RETURNS = ['return', 'refund', 'retur', 'återbetal', 'ånger'];
const ORDER = [
  'order',
  'track',
  'where is my',
  'package',
  'parcel',
  'beställning',
  'paket',
  'spåra',
  'leverans',
];
const SHIPPING = ['ship', 'delivery', 'deliver', 'frakt', 'skicka'];
const THANKS = ['thank', 'thanks', "that's all", 'that is all', 'tack', 'det var allt'];
const GREETING = ['hi', 'hello', 'hey', 'hej', 'hallå', 'tjena'];

export function detectLanguage(text: string, fallback: Language = 'en'): Language {
  if (
    /[åäö]/i.test(text) ||
    mentions(
      text,
      SWEDISH.map((word) => `${word}(?!\\p{L})`),
    )
  )
    return 'sv';
  if (/[a-z]/i.test(text)) return 'en';
  return fallback;
}

function recommend(text: string): Product[] {
  const matching = catalogue.filter((product) => mentions(text, product.keywords));
  const picks = (matching.length >= 2 ? matching : [...matching, ...catalogue]).slice(0, 3);
  return [...new Map(picks.map((product) => [product.sku, product])).values()].map(
    ({ sku, name, price }) => ({
      sku,
      name,
      price,
    }),
  );
}

/**
 * Decides the Customer Agent's turn. `hasAnswered` says whether it already helped in this
 * conversation, so a "thanks" afterwards resolves it.
 */
export function decideTurn(text: string, language: Language, hasAnswered: boolean): AgentTurn {
  if (mentions(text, HUMAN)) {
    return {
      kind: 'offer_handoff',
      skill: 'general',
      reason: 'shopper_requested',
      text: phrases.offerHandoffRequested[language],
    };
  }
  if (mentions(text, RECOMMEND)) {
    // Fill up to three products, whatever matched first.
    const products = recommend(text);
    return {
      kind: 'answer',
      skill: 'product_recommendation',
      text: phrases.recommendation[language],
      products,
    };
  }
  for (const [skill, words] of [
    ['returns', RETURNS],
    ['order_tracking', ORDER],
    ['shipping', SHIPPING],
  ] as const) {
    if (mentions(text, words)) return { kind: 'answer', skill, text: answers[skill][language], products: [] };
  }
  if (mentions(text, THANKS)) {
    return hasAnswered
      ? { kind: 'resolve', skill: 'general', text: phrases.resolved[language] }
      : { kind: 'answer', skill: 'general', text: phrases.anythingElse[language], products: [] };
  }
  if (
    mentions(
      text,
      GREETING.map((word) => `${word}(?!\\p{L})`),
    )
  ) {
    return { kind: 'answer', skill: 'general', text: answers.general[language], products: [] };
  }
  return {
    kind: 'offer_handoff',
    skill: 'general',
    reason: 'knowledge_gap',
    text: phrases.offerHandoffGap[language],
  };
}
