// Environment: browser. The team's rules (leads only): handoff method and its message, office hours and the
// auto-response, auto-assign, capacity, reminder and idle thresholds. Saved as one patch of what changed;
// the hub applies it at once and records it in the audit log.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { t as translate } from '../../i18n/t.js';
import type { HubSettings } from '../../../shared/settings.js';
import type { MessageKey } from '../../i18n/en.js';
import { weekdayName } from '../../i18n/format.js';
import { useDesk } from '../../store/use-desk.js';
import { OfficeHoursEditor } from './OfficeHoursEditor.js';
import { ALL_CHANNELS } from '../../../shared/monitor.js';
import { channelName } from '../conversation/display-names.js';
import {
  draftProblems,
  settingsPatch,
  TARGET_RANGE,
  WARNING_PERCENT_RANGE,
  type DraftProblem,
} from './settings-draft.js';
import { WEEKDAYS } from './weekdays.js';

type Feedback = { kind: 'saved' | 'unchanged' } | { kind: 'error'; messages: string[] } | null;

const fieldNames: Record<string, MessageKey> = {
  defaultCapacity: 'settings.capacity',
  reminderAfterMinutes: 'settings.reminder',
  awayAfterIdleMinutes: 'settings.idle',
  doNotHandOffMessage: 'settings.doNotHandOffMessage',
  autoResponseMessage: 'settings.autoResponse',
  timeZone: 'settings.timeZone',
  slaWarningPercent: 'settings.slaWarning',
};

/** A field's name in the form, as its label says it. */
function fieldName(field: string): string {
  const target = /^firstResponseTargetMinutes\.(\w+)$/.exec(field);
  if (target)
    return translate('settings.target', { channel: channelName(target[1] as (typeof ALL_CHANNELS)[number]) });
  return translate(fieldNames[field] ?? 'settings.team');
}

export function TeamSettingsSection() {
  const { t } = useTranslation();
  const settings = useDesk((state) => state.settings);
  const live = useDesk((state) => state.connection.status === 'online');
  if (!settings) {
    return (
      <section className="settings__section" aria-labelledby="settings-team">
        <h3 id="settings-team">{t('settings.team')}</h3>
        <p className="settings__hint">{t('settings.notLoaded')}</p>
      </section>
    );
  }
  // The form starts from what the hub has now; saving sends only what the lead changed since.
  return <TeamSettingsForm settings={settings} live={live} />;
}

function TeamSettingsForm({ settings, live }: { settings: HubSettings; live: boolean }) {
  const { t } = useTranslation();
  const updateSettings = useDesk((state) => state.updateSettings);
  const [draft, setDraft] = useState<HubSettings>(settings);
  const [saving, setSaving] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const change = (patch: Partial<HubSettings>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setFeedback(null);
  };

  const describe = (problem: DraftProblem): string => {
    switch (problem.kind) {
      case 'range':
        return t('settings.rangeError', {
          field: fieldName(problem.field),
          min: String(problem.min),
          max: String(problem.max),
        });
      case 'required':
        return t('settings.required', { field: fieldName(problem.field) });
      case 'timeZone':
        return t('settings.badTimeZone', { zone: problem.zone });
      case 'period':
        return t('settings.badPeriod', { day: weekdayName(WEEKDAYS.indexOf(problem.day)) });
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = draftProblems(draft);
    if (problems.length > 0) {
      setFeedback({ kind: 'error', messages: problems.map(describe) });
      return;
    }
    const patch = settingsPatch(settings, {
      ...draft,
      officeHours: { ...draft.officeHours, timeZone: draft.officeHours.timeZone.trim() },
    });
    if (Object.keys(patch).length === 0) {
      setFeedback({ kind: 'unchanged' });
      return;
    }
    setSaving(true);
    const outcome = await updateSettings(patch);
    setSaving(false);
    if (outcome.ok) setFeedback({ kind: 'saved' });
    else {
      const message =
        outcome.code === 'offline'
          ? t('settings.offline')
          : outcome.code === 'forbidden'
            ? t('settings.forbidden')
            : t('settings.saveFailed', { message: outcome.message });
      // (Other codes arrive already in words from describeDeskError.)
      setFeedback({ kind: 'error', messages: [message] });
    }
  };

  const number = (
    field: 'defaultCapacity' | 'reminderAfterMinutes' | 'awayAfterIdleMinutes',
    label: MessageKey,
    max: number,
  ) => (
    <label className="field field--row">
      <span className="field__label">{t(label)}</span>
      <input
        type="number"
        min={1}
        max={max}
        step={1}
        value={Number.isNaN(draft[field]) ? '' : draft[field]}
        onChange={(event) => change({ [field]: event.target.valueAsNumber } as Partial<HubSettings>)}
      />
    </label>
  );

  return (
    <section className="settings__section" aria-labelledby="settings-team">
      <h3 id="settings-team">{t('settings.team')}</h3>
      <p className="settings__hint">{t('settings.teamHint')}</p>
      <form className="settings-form" onSubmit={onSubmit} noValidate>
        <fieldset className="settings-form__group">
          <label className="check">
            <input
              type="checkbox"
              checked={draft.autoAssign}
              onChange={(event) => change({ autoAssign: event.target.checked })}
            />
            <span>{t('settings.autoAssign')}</span>
          </label>
          <p className="field__hint">{t('settings.autoAssignHint')}</p>
          {number('defaultCapacity', 'settings.capacity', 100)}
          {number('reminderAfterMinutes', 'settings.reminder', 1440)}
          {number('awayAfterIdleMinutes', 'settings.idle', 480)}
        </fieldset>

        <fieldset className="settings-form__group" aria-describedby="settings-sla-hint">
          <legend className="field__label settings-form__legend">{t('settings.targets')}</legend>
          <p id="settings-sla-hint" className="field__hint">
            {t('settings.targetsHint')}
          </p>
          <div className="settings-form__targets">
            {ALL_CHANNELS.map((channel) => (
              <label key={channel} className="field field--row">
                <span className="field__label">
                  {t('settings.target', { channel: channelName(channel) })}
                </span>
                <input
                  type="number"
                  min={TARGET_RANGE[0]}
                  max={TARGET_RANGE[1]}
                  step={1}
                  value={
                    Number.isNaN(draft.firstResponseTargetMinutes[channel])
                      ? ''
                      : draft.firstResponseTargetMinutes[channel]
                  }
                  onChange={(event) =>
                    change({
                      firstResponseTargetMinutes: {
                        ...draft.firstResponseTargetMinutes,
                        [channel]: event.target.valueAsNumber,
                      },
                    })
                  }
                />
              </label>
            ))}
          </div>
          <label className="field field--row">
            <span className="field__label">{t('settings.slaWarning')}</span>
            <input
              type="number"
              min={WARNING_PERCENT_RANGE[0]}
              max={WARNING_PERCENT_RANGE[1]}
              step={1}
              value={Number.isNaN(draft.slaWarningPercent) ? '' : draft.slaWarningPercent}
              onChange={(event) => change({ slaWarningPercent: event.target.valueAsNumber })}
            />
          </label>
        </fieldset>

        <fieldset className="settings-form__group">
          <div
            role="radiogroup"
            aria-labelledby="settings-handoff-method"
            className="choices choices--inline"
          >
            <span id="settings-handoff-method" className="field__label">
              {t('settings.handoffMethod')}
            </span>
            {(['helpdesk', 'do_not_hand_off'] as const).map((mode) => (
              <label key={mode} className="choice">
                <input
                  type="radio"
                  name="handoff-mode"
                  value={mode}
                  checked={draft.handoffMode === mode}
                  onChange={() => change({ handoffMode: mode })}
                />
                <span className="choice__label">
                  {mode === 'helpdesk' ? t('settings.method.helpdesk') : t('settings.method.doNotHandOff')}
                </span>
              </label>
            ))}
          </div>
          <label className="field">
            <span className="field__label">{t('settings.doNotHandOffMessage')}</span>
            <textarea
              rows={3}
              maxLength={2000}
              value={draft.doNotHandOffMessage}
              onChange={(event) => change({ doNotHandOffMessage: event.target.value })}
            />
          </label>
        </fieldset>

        <fieldset className="settings-form__group">
          <OfficeHoursEditor value={draft.officeHours} onChange={(officeHours) => change({ officeHours })} />
          <label className="field">
            <span className="field__label">{t('settings.autoResponse')}</span>
            <textarea
              rows={3}
              maxLength={2000}
              value={draft.autoResponseMessage}
              onChange={(event) => change({ autoResponseMessage: event.target.value })}
              aria-describedby="settings-auto-response-hint"
            />
          </label>
          <p id="settings-auto-response-hint" className="field__hint">
            {t('settings.autoResponseHint')}
          </p>
        </fieldset>

        <div className="settings-form__footer">
          <button
            type="submit"
            className="button button--primary"
            disabled={saving || !live}
            aria-busy={saving}
          >
            {saving ? t('settings.saving') : t('settings.save')}
          </button>
          {!live && <span className="field__hint">{t('settings.offline')}</span>}
          {feedback?.kind === 'saved' && (
            <span role="status" className="settings-form__saved">
              {t('settings.saved')}
            </span>
          )}
          {feedback?.kind === 'unchanged' && (
            <span role="status" className="field__hint">
              {t('settings.noChanges')}
            </span>
          )}
          {feedback?.kind === 'error' && (
            <div role="alert" className="alert alert--error">
              {feedback.messages.map((message) => (
                <p key={message}>{message}</p>
              ))}
            </div>
          )}
        </div>
      </form>
    </section>
  );
}
