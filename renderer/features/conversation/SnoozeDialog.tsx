// Environment: browser. Snooze until a time: in an hour, tomorrow at 9:00, or a picked date and time. The
// conversation comes back then, or sooner if the shopper writes.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFormEnd } from '../../components/DialogFormEnd.js';
import { Modal } from '../../components/Modal.js';
import { formatDateTimeShort } from '../../i18n/format.js';
import { useDesk } from '../../store/use-desk.js';
import { fromDateTimeLocal, inOneHour, toDateTimeLocal, tomorrowAtNine } from '../commands/snooze-times.js';

type Choice = 'hour' | 'tomorrow' | 'custom';

export function SnoozeDialog({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const moving = useDesk((state) => state.actionsByConversation[conversationId]?.moving ?? false);
  const actionError = useDesk((state) => state.actionsByConversation[conversationId]?.error ?? null);
  const setStatus = useDesk((state) => state.setStatus);
  const closeDialog = useDesk((state) => state.closeDialog);
  const [opened] = useState(() => new Date());
  const [choice, setChoice] = useState<Choice>('hour');
  const [custom, setCustom] = useState(() => toDateTimeLocal(tomorrowAtNine(opened)));
  const [error, setError] = useState<string | null>(null);

  const untilFor = (which: Choice, now: Date): Date | null =>
    which === 'hour'
      ? inOneHour(now)
      : which === 'tomorrow'
        ? tomorrowAtNine(now)
        : fromDateTimeLocal(custom);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const until = untilFor(choice, new Date());
    if (!until || until.getTime() <= Date.now()) {
      setError(t('snooze.inPast'));
      return;
    }
    setError(null);
    if (await setStatus(conversationId, { status: 'snoozed', snoozedUntil: until.toISOString() }))
      closeDialog();
  };

  const option = (value: Choice, label: string) => {
    const preview = untilFor(value, opened);
    return (
      <label className="choice">
        <input
          type="radio"
          name="snooze-choice"
          value={value}
          checked={choice === value}
          onChange={() => setChoice(value)}
          data-autofocus={value === 'hour' ? true : undefined}
        />
        <span className="choice__label">{label}</span>
        {value !== 'custom' && preview && (
          <span className="choice__detail">{formatDateTimeShort(preview.toISOString())}</span>
        )}
      </label>
    );
  };

  return (
    <Modal title={t('snooze.title')} onClose={closeDialog}>
      <form className="dialog-form" onSubmit={onSubmit}>
        <div role="radiogroup" aria-label={t('snooze.when')} className="choices">
          {option('hour', t('snooze.oneHour'))}
          {option('tomorrow', t('snooze.tomorrow'))}
          {option('custom', t('snooze.custom'))}
        </div>
        <label className="field">
          <span className="field__label">{t('snooze.until')}</span>
          <input
            type="datetime-local"
            value={custom}
            min={toDateTimeLocal(opened)}
            onChange={(event) => {
              setCustom(event.target.value);
              setChoice('custom');
            }}
            onFocus={() => setChoice('custom')}
          />
        </label>
        <p className="field__hint">{t('snooze.hint')}</p>
        <DialogFormEnd
          error={error ?? actionError}
          working={moving}
          submitLabel={t('snooze.submit')}
          onCancel={closeDialog}
        />
      </form>
    </Modal>
  );
}
