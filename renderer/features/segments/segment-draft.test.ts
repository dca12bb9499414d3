// The builder's draft becomes exactly the definition segmentDefinitionSchema accepts, or problems by field.
import { describe, expect, it } from 'vitest';
import { setUiLanguage } from '../../i18n/i18n.js';
import { checkSegmentDraft, emptyCondition, type ConditionDraft } from './segment-draft.js';
import { segmentName } from './segment-names.js';

function condition(patch: Partial<ConditionDraft>): ConditionDraft {
  return { ...emptyCondition(), ...patch };
}

describe('checkSegmentDraft', () => {
  it('turns each kind of condition into its definition (empty days = ever)', () => {
    const checked = checkSegmentDraft({
      name: '  Repeat buyers ',
      conditions: [
        condition({ metric: 'Placed Order', comparison: 'at_least', count: '2', withinDays: '' }),
        condition({ kind: 'none_since', metric: 'Placed Order', sinceMetric: 'Conversation Escalated' }),
        condition({
          kind: 'property_equals',
          metric: 'Conversation Escalated',
          property: 'channel',
          value: 'sms',
          withinDays: '30',
        }),
        condition({
          kind: 'property_equals',
          metric: 'Placed Order',
          property: 'total',
          valueType: 'number',
          value: '499',
        }),
        condition({
          kind: 'property_equals',
          metric: 'Placed Order',
          property: 'gift',
          valueType: 'boolean',
          value: 'false',
        }),
        condition({ metric: 'Handoff Missed', comparison: 'at_most', count: '0', withinDays: '7' }),
      ],
    });
    expect(checked).toEqual({
      ok: true,
      definition: {
        name: 'Repeat buyers',
        conditions: [
          {
            kind: 'metric_count',
            metric: 'Placed Order',
            comparison: 'at_least',
            count: 2,
            withinDays: null,
          },
          { kind: 'none_since', metric: 'Placed Order', sinceMetric: 'Conversation Escalated' },
          {
            kind: 'property_equals',
            metric: 'Conversation Escalated',
            property: 'channel',
            value: 'sms',
            withinDays: 30,
          },
          {
            kind: 'property_equals',
            metric: 'Placed Order',
            property: 'total',
            value: 499,
            withinDays: null,
          },
          {
            kind: 'property_equals',
            metric: 'Placed Order',
            property: 'gift',
            value: false,
            withinDays: null,
          },
          { kind: 'metric_count', metric: 'Handoff Missed', comparison: 'at_most', count: 0, withinDays: 7 },
        ],
      },
    });
  });

  it('names each bad field of each condition, and nothing else', () => {
    const checked = checkSegmentDraft({
      name: ' ',
      conditions: [
        condition({ metric: 'Placed Order', count: '', withinDays: '0' }),
        condition({ metric: '', count: '1.5' }),
        condition({ kind: 'none_since', metric: 'Placed Order', sinceMetric: '' }),
        condition({ kind: 'property_equals', metric: 'X', property: '', valueType: 'number', value: 'abc' }),
      ],
    });
    expect(checked).toEqual({
      ok: false,
      problems: {
        name: true,
        byCondition: [
          { count: true, withinDays: true },
          { metric: true, count: true },
          { sinceMetric: true },
          { property: true, value: true },
        ],
      },
    });
  });

  it('refuses a segment without conditions', () => {
    expect(checkSegmentDraft({ name: 'Empty', conditions: [] })).toEqual({
      ok: false,
      problems: { conditions: true, byCondition: [] },
    });
  });
});

describe('segmentName', () => {
  it('names the built-ins in the UI language by id, and a lead’s segment as the lead named it', () => {
    setUiLanguage('sv');
    expect(segmentName({ id: 'recommended-no-order', name: 'Got a recommendation, no order since' })).toBe(
      'Fick en rekommendation, ingen order sedan',
    );
    expect(segmentName({ id: 'recently-escalated', name: 'Recently escalated' })).toBe('Nyligen upptrappad');
    expect(segmentName({ id: 'resolved-and-ordered', name: 'Resolved and ordered' })).toBe(
      'Löst och beställt',
    );
    expect(segmentName({ id: 'vip', name: 'Stamkunder' })).toBe('Stamkunder');
    setUiLanguage('en');
    expect(segmentName({ id: 'recently-escalated', name: 'x' })).toBe('Recently escalated');
  });
});
