// Environment: browser. A lead's segment builder: a name and one or more conditions (how often a metric
// happened in a window; none since another metric; a property equals a value), all of which must hold. Checked
// by segmentDefinitionSchema before it is sent, each problem shown next to its field; the hub checks again.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { METRICS } from '../../../shared/events.js';
import type { MessageKey } from '../../i18n/en.js';
import { useDesk } from '../../store/use-desk.js';
import {
  checkSegmentDraft,
  emptyCondition,
  emptySegmentDraft,
  type ConditionDraft,
  type ConditionField,
  type ConditionKind,
  type DraftProblems,
  type SegmentDraft,
  type ValueType,
} from './segment-draft.js';

/** Metrics to suggest: the hub's own and the shop's order event (any other name may be typed). */
const SUGGESTED_METRICS = [...Object.values(METRICS), 'Placed Order'];
const MAX_CONDITIONS = 10;
const CONDITION_KINDS: ConditionKind[] = ['metric_count', 'none_since', 'property_equals'];

const FIELD_ERRORS: Record<ConditionField, MessageKey> = {
  metric: 'segments.error.metric',
  count: 'segments.error.count',
  withinDays: 'segments.error.withinDays',
  sinceMetric: 'segments.error.sinceMetric',
  property: 'segments.error.property',
  value: 'segments.error.value',
};

/** A labelled input with its problem (if any) right under it, tied to it for screen readers. */
function Field({
  label,
  error,
  hint,
  children,
  grow,
}: {
  label: string;
  error: string | null;
  hint?: string;
  grow?: boolean;
  children: (props: { 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${grow ? ' field--grow' : ''}`}>
      <label className="field">
        <span className="field__label">{label}</span>
        {children({ 'aria-invalid': error !== null, 'aria-describedby': describedBy || undefined })}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="settings__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}

export function SegmentBuilder({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const createSegment = useDesk((state) => state.createSegment);
  const live = useDesk((state) => state.connection.status === 'online');
  const [draft, setDraft] = useState<SegmentDraft>(emptySegmentDraft);
  const [problems, setProblems] = useState<DraftProblems | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const metricsListId = useId();

  const changeCondition = (index: number, patch: Partial<ConditionDraft>) =>
    setDraft((current) => ({
      ...current,
      conditions: current.conditions.map((condition, at) =>
        at === index ? { ...condition, ...patch } : condition,
      ),
    }));
  const fieldError = (index: number, field: ConditionField): string | null =>
    problems?.byCondition[index]?.[field] ? t(FIELD_ERRORS[field]) : null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = checkSegmentDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems(null);
    setSaving(true);
    const outcome = await createSegment(checked.definition);
    setSaving(false);
    if (outcome.ok) onDone();
    else setFailure(t('segments.createFailed', { message: outcome.message }));
  };

  return (
    <form className="segment-form" onSubmit={onSubmit} noValidate aria-label={t('segments.new')}>
      <datalist id={metricsListId}>
        {SUGGESTED_METRICS.map((metric) => (
          <option key={metric} value={metric} />
        ))}
      </datalist>
      <Field label={t('segments.nameField')} error={problems?.name ? t('segments.error.name') : null}>
        {(aria) => (
          <input
            type="text"
            value={draft.name}
            autoFocus
            maxLength={100}
            onChange={(event) => setDraft((current) => ({ ...current, name: event.target.value }))}
            {...aria}
          />
        )}
      </Field>
      {draft.conditions.map((condition, index) => (
        <fieldset key={condition.key} className="segment-form__condition">
          <legend className="settings-form__legend">
            {t('segments.condition', { number: String(index + 1) })}
          </legend>
          <div className="segment-form__row">
            <label className="field">
              <span className="field__label">{t('segments.kind')}</span>
              <select
                value={condition.kind}
                onChange={(event) => changeCondition(index, { kind: event.target.value as ConditionKind })}
              >
                {CONDITION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`segments.kind.${kind}`)}
                  </option>
                ))}
              </select>
            </label>
            <Field label={t('segments.metric')} error={fieldError(index, 'metric')} grow>
              {(aria) => (
                <input
                  type="text"
                  list={metricsListId}
                  value={condition.metric}
                  onChange={(event) => changeCondition(index, { metric: event.target.value })}
                  {...aria}
                />
              )}
            </Field>
          </div>
          {condition.kind === 'metric_count' && (
            <div className="segment-form__row">
              <fieldset className="segment-form__comparison">
                <legend className="field__label">{t('segments.comparison')}</legend>
                {(['at_least', 'at_most'] as const).map((comparison) => (
                  <label key={comparison} className="segment-form__radio">
                    <input
                      type="radio"
                      name={`${condition.key}-comparison`}
                      checked={condition.comparison === comparison}
                      onChange={() => changeCondition(index, { comparison })}
                    />
                    {comparison === 'at_least' ? t('segments.atLeast') : t('segments.atMost')}
                  </label>
                ))}
              </fieldset>
              <Field label={t('segments.times')} error={fieldError(index, 'count')}>
                {(aria) => (
                  <input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    value={condition.count}
                    onChange={(event) => changeCondition(index, { count: event.target.value })}
                    {...aria}
                  />
                )}
              </Field>
              <WithinDaysField
                value={condition.withinDays}
                error={fieldError(index, 'withinDays')}
                onChange={(withinDays) => changeCondition(index, { withinDays })}
              />
            </div>
          )}
          {condition.kind === 'none_since' && (
            <div className="segment-form__row">
              <Field label={t('segments.sinceMetric')} error={fieldError(index, 'sinceMetric')} grow>
                {(aria) => (
                  <input
                    type="text"
                    list={metricsListId}
                    value={condition.sinceMetric}
                    onChange={(event) => changeCondition(index, { sinceMetric: event.target.value })}
                    {...aria}
                  />
                )}
              </Field>
            </div>
          )}
          {condition.kind === 'property_equals' && (
            <div className="segment-form__row">
              <Field label={t('segments.property')} error={fieldError(index, 'property')} grow>
                {(aria) => (
                  <input
                    type="text"
                    value={condition.property}
                    spellCheck={false}
                    onChange={(event) => changeCondition(index, { property: event.target.value })}
                    {...aria}
                  />
                )}
              </Field>
              <label className="field">
                <span className="field__label">{t('segments.valueType')}</span>
                <select
                  value={condition.valueType}
                  onChange={(event) => {
                    const valueType = event.target.value as ValueType;
                    changeCondition(index, { valueType, value: valueType === 'boolean' ? 'true' : '' });
                  }}
                >
                  <option value="text">{t('segments.valueType.text')}</option>
                  <option value="number">{t('segments.valueType.number')}</option>
                  <option value="boolean">{t('segments.valueType.boolean')}</option>
                </select>
              </label>
              <Field label={t('segments.value')} error={fieldError(index, 'value')} grow>
                {(aria) =>
                  condition.valueType === 'boolean' ? (
                    <select
                      value={condition.value}
                      onChange={(event) => changeCondition(index, { value: event.target.value })}
                      {...aria}
                    >
                      <option value="true">{t('segments.yes')}</option>
                      <option value="false">{t('segments.no')}</option>
                    </select>
                  ) : (
                    <input
                      type={condition.valueType === 'number' ? 'number' : 'text'}
                      value={condition.value}
                      onChange={(event) => changeCondition(index, { value: event.target.value })}
                      {...aria}
                    />
                  )
                }
              </Field>
              <WithinDaysField
                value={condition.withinDays}
                error={fieldError(index, 'withinDays')}
                onChange={(withinDays) => changeCondition(index, { withinDays })}
              />
            </div>
          )}
          {draft.conditions.length > 1 && (
            <button
              type="button"
              className="button button--ghost button--danger segment-form__remove"
              onClick={() =>
                setDraft((current) => ({
                  ...current,
                  conditions: current.conditions.filter((_, at) => at !== index),
                }))
              }
            >
              {t('segments.removeCondition', { number: String(index + 1) })}
            </button>
          )}
        </fieldset>
      ))}
      {problems?.conditions && (
        <p role="alert" className="field__error">
          {t('segments.error.conditions')}
        </p>
      )}
      <div className="segment-form__footer">
        <button
          type="button"
          className="button"
          disabled={draft.conditions.length >= MAX_CONDITIONS}
          onClick={() =>
            setDraft((current) => ({ ...current, conditions: [...current.conditions, emptyCondition()] }))
          }
        >
          {t('segments.addCondition')}
        </button>
      </div>
      {failure && (
        <p role="alert" className="field__error">
          {failure}
        </p>
      )}
      <div className="dialog-form__buttons">
        <button type="button" className="button" onClick={onDone}>
          {t('actions.cancel')}
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={saving || !live}
          aria-busy={saving}
        >
          {saving ? t('segments.creating') : t('segments.create')}
        </button>
      </div>
    </form>
  );
}

function WithinDaysField({
  value,
  error,
  onChange,
}: {
  value: string;
  error: string | null;
  onChange(value: string): void;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t('segments.withinDays')} error={error} hint={t('segments.withinDaysHint')}>
      {(aria) => (
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          {...aria}
        />
      )}
    </Field>
  );
}
