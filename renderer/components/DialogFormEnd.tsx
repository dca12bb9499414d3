// Environment: browser. The end of a dialog's form: its error (announced), Cancel, and a submit button that
// says it is working while the command is in flight.
import { useTranslation } from 'react-i18next';

interface DialogFormEndProps {
  error: string | null;
  working: boolean;
  submitLabel: string;
  onCancel(): void;
  /** The submit destroys something (it is styled as a warning). */
  danger?: boolean;
}

export function DialogFormEnd({ error, working, submitLabel, onCancel, danger = false }: DialogFormEndProps) {
  const { t } = useTranslation();
  return (
    <>
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
      <div className="dialog-form__buttons">
        <button type="button" className="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
        <button
          type="submit"
          className={`button ${danger ? 'button--danger' : 'button--primary'}`}
          disabled={working}
          aria-busy={working}
        >
          {working ? t('actions.working') : submitLabel}
        </button>
      </div>
    </>
  );
}
