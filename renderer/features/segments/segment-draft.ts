// Environment: browser. The segment builder's form state and its one way out: a definition that
// segmentDefinitionSchema accepts, or the problems to show next to the fields they concern.
import {
  segmentDefinitionSchema,
  type SegmentCondition,
  type SegmentDefinition,
} from '../../../shared/segments.js';

export type ConditionKind = SegmentCondition['kind'];
export type ValueType = 'text' | 'number' | 'boolean';

/** One condition as typed: numbers are still text until the draft is checked. */
export interface ConditionDraft {
  /** Stable React key (conditions can be removed from the middle). */
  key: string;
  kind: ConditionKind;
  metric: string;
  comparison: 'at_least' | 'at_most';
  count: string;
  /** Empty means all time. */
  withinDays: string;
  sinceMetric: string;
  property: string;
  valueType: ValueType;
  value: string;
}

export interface SegmentDraft {
  name: string;
  conditions: ConditionDraft[];
}

/** The fields a problem can be shown next to. */
export type ConditionField = 'metric' | 'count' | 'withinDays' | 'sinceMetric' | 'property' | 'value';
export interface DraftProblems {
  name?: true;
  /** Too few or too many conditions. */
  conditions?: true;
  /** Per condition (by index), the fields that are wrong. */
  byCondition: Partial<Record<ConditionField, true>>[];
}

let nextKey = 0;
export function emptyCondition(kind: ConditionKind = 'metric_count'): ConditionDraft {
  nextKey += 1;
  return {
    key: `condition-${nextKey}`,
    kind,
    metric: '',
    comparison: 'at_least',
    count: '1',
    withinDays: '',
    sinceMetric: '',
    property: '',
    valueType: 'text',
    value: '',
  };
}

export function emptySegmentDraft(): SegmentDraft {
  return { name: '', conditions: [emptyCondition()] };
}

/** Empty or not a number becomes NaN, which the schema refuses (Number('') would be 0). */
function numberFrom(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

function conditionFrom(draft: ConditionDraft): unknown {
  const withinDays = draft.withinDays.trim() === '' ? null : numberFrom(draft.withinDays);
  switch (draft.kind) {
    case 'metric_count':
      return {
        kind: 'metric_count',
        metric: draft.metric,
        comparison: draft.comparison,
        count: numberFrom(draft.count),
        withinDays,
      };
    case 'none_since':
      return { kind: 'none_since', metric: draft.metric, sinceMetric: draft.sinceMetric };
    case 'property_equals': {
      const value =
        draft.valueType === 'number'
          ? numberFrom(draft.value)
          : draft.valueType === 'boolean'
            ? draft.value === 'true'
            : draft.value;
      return { kind: 'property_equals', metric: draft.metric, property: draft.property, value, withinDays };
    }
  }
}

const CONDITION_FIELDS: ReadonlySet<string> = new Set<ConditionField>([
  'metric',
  'count',
  'withinDays',
  'sinceMetric',
  'property',
  'value',
]);

export type DraftCheck = { ok: true; definition: SegmentDefinition } | { ok: false; problems: DraftProblems };

export function checkSegmentDraft(draft: SegmentDraft): DraftCheck {
  const parsed = segmentDefinitionSchema.safeParse({
    name: draft.name,
    conditions: draft.conditions.map(conditionFrom),
  });
  if (parsed.success) return { ok: true, definition: parsed.data };
  const problems: DraftProblems = { byCondition: draft.conditions.map(() => ({})) };
  for (const issue of parsed.error.issues) {
    const [top, index, field] = issue.path;
    if (top === 'name') problems.name = true;
    else if (
      top === 'conditions' &&
      typeof index === 'number' &&
      typeof field === 'string' &&
      CONDITION_FIELDS.has(field) &&
      problems.byCondition[index]
    ) {
      problems.byCondition[index][field as ConditionField] = true;
    } else problems.conditions = true; // never silent: a problem no field shows is said for the whole list
  }
  return { ok: false, problems };
}
