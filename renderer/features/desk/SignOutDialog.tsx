// Environment: browser. Signing out, with the choice (off by default) to remove this computer's cached
// conversations too — for a shared computer. Removing would throw away unsent work: the dialog says how much and
// the agent must confirm discarding it, as when clearing the cache in Settings → This computer.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFormEnd } from '../../components/DialogFormEnd.js';
import { Modal } from '../../components/Modal.js';
import { useDesk } from '../../store/use-desk.js';

export function SignOutDialog() {
  const { t } = useTranslation();
  const unsent = useDesk((state) => (state.cacheInfo.state === 'ready' ? state.cacheInfo.info.unsent : 0));
  const pending = useDesk((state) => state.signOutPending);
  const error = useDesk((state) => state.signOutError);
  const signOut = useDesk((state) => state.signOut);
  const prepareSignOut = useDesk((state) => state.prepareSignOut);
  const closeDialog = useDesk((state) => state.closeDialog);
  const [removeCache, setRemoveCache] = useState(false);
  const hintId = useId();

  useEffect(() => {
    // The unsent count must be current when the agent decides.
    void prepareSignOut();
  }, [prepareSignOut]);

  const losesWork = removeCache && unsent > 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void signOut({ removeCache, discardUnsent: losesWork });
  };

  const submitLabel = !removeCache
    ? t('signOut.confirm')
    : losesWork
      ? t('signOut.confirmDiscard')
      : t('signOut.confirmRemove');

  return (
    <Modal title={t('signOut.title')} onClose={closeDialog}>
      <form className="dialog-form" onSubmit={onSubmit}>
        <label className="check">
          <input
            type="checkbox"
            checked={removeCache}
            aria-describedby={hintId}
            onChange={(event) => setRemoveCache(event.target.checked)}
          />
          <span>{t('signOut.removeCache')}</span>
        </label>
        <div id={hintId} className="dialog-form__text">
          <p className="field__hint">{t('signOut.removeCacheHint')}</p>
          {losesWork && (
            <p className="field__hint field__hint--warning">{t('thisComputer.unsent', { count: unsent })}</p>
          )}
        </div>
        <DialogFormEnd
          error={error ? t('signOut.failed', { message: error }) : null}
          working={pending}
          submitLabel={submitLabel}
          onCancel={closeDialog}
          danger={removeCache}
        />
      </form>
    </Modal>
  );
}
