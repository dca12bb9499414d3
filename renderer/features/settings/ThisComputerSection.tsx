// Environment: browser. Settings → This computer (every role): how long the cache keeps conversations, how much
// it holds, and clearing it on a shared computer (which signs out; unsent work is discarded only when the
// agent says so, knowing how much).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFormEnd } from '../../components/DialogFormEnd.js';
import { Modal } from '../../components/Modal.js';
import { formatBytes } from '../../i18n/format.js';
import type { MessageKey } from '../../i18n/en.js';
import { useDesk } from '../../store/use-desk.js';

/** The retention choices offered: null keeps everything. */
const RETENTION_CHOICES: readonly { days: number | null; label: MessageKey }[] = [
  { days: null, label: 'thisComputer.retention.all' },
  { days: 7, label: 'thisComputer.retention.days7' },
  { days: 30, label: 'thisComputer.retention.days30' },
  { days: 90, label: 'thisComputer.retention.days90' },
  { days: 365, label: 'thisComputer.retention.days365' },
];

const EVERYTHING = 'all';

function CacheSize() {
  const { t } = useTranslation();
  const cacheInfo = useDesk((state) => state.cacheInfo);
  switch (cacheInfo.state) {
    case 'idle':
    case 'loading':
      return <p className="settings__hint">{t('thisComputer.sizeLoading')}</p>;
    case 'error':
      return (
        <p role="alert" className="field__error">
          {t('thisComputer.sizeFailed', { message: cacheInfo.message })}
        </p>
      );
    case 'ready': {
      const { info } = cacheInfo;
      return (
        <p className="cache-size">
          {t('thisComputer.size', {
            size: formatBytes(info.bytes),
            conversations: t('thisComputer.conversations', { count: info.conversations }),
            messages: t('thisComputer.messages', { count: info.messages }),
          })}
        </p>
      );
    }
  }
}

function ClearCacheDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const unsent = useDesk((state) => (state.cacheInfo.state === 'ready' ? state.cacheInfo.info.unsent : 0));
  const clearing = useDesk((state) => state.clearingCache);
  const error = useDesk((state) => state.clearCacheError);
  const clearCache = useDesk((state) => state.clearCache);
  const warningId = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void clearCache(unsent > 0);
  };

  return (
    <Modal title={t('thisComputer.confirmTitle')} onClose={onClose}>
      <form className="dialog-form" onSubmit={onSubmit} aria-describedby={warningId}>
        <div id={warningId} className="dialog-form__text">
          <p>{t('thisComputer.confirmText')}</p>
          {unsent > 0 && (
            <p className="field__hint field__hint--warning">{t('thisComputer.unsent', { count: unsent })}</p>
          )}
        </div>
        <DialogFormEnd
          error={error ? t('thisComputer.clearFailed', { message: error }) : null}
          working={clearing}
          submitLabel={unsent > 0 ? t('thisComputer.confirmDiscard') : t('thisComputer.confirm')}
          onCancel={onClose}
          danger
        />
      </form>
    </Modal>
  );
}

export function ThisComputerSection() {
  const { t } = useTranslation();
  const retentionDays = useDesk((state) => state.preferences.retentionDays);
  const setPreferences = useDesk((state) => state.setPreferences);
  const loadCacheInfo = useDesk((state) => state.loadCacheInfo);
  const prepareClearCache = useDesk((state) => state.prepareClearCache);
  const [confirming, setConfirming] = useState(false);
  const headingId = useId();

  useEffect(() => {
    void loadCacheInfo();
  }, [loadCacheInfo]);

  const options = RETENTION_CHOICES.map((choice) => ({
    value: choice.days === null ? EVERYTHING : String(choice.days),
    text: t(choice.label),
  }));
  if (retentionDays !== null && !RETENTION_CHOICES.some((choice) => choice.days === retentionDays)) {
    // A value set elsewhere (not one of ours) stays visible and selected.
    options.push({
      value: String(retentionDays),
      text: t('thisComputer.retention.custom', { count: retentionDays }),
    });
  }

  const onRetention = async (value: string) => {
    await setPreferences({ retentionDays: value === EVERYTHING ? null : Number(value) });
    // A shorter period may have removed conversations from the cache at once.
    void loadCacheInfo();
  };

  const askToClear = () => {
    // The unsent count must be current when the agent decides.
    void prepareClearCache();
    setConfirming(true);
  };

  return (
    <section className="settings__section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('thisComputer.title')}</h3>
      <p className="settings__hint">{t('thisComputer.hint')}</p>
      <label className="field field--row">
        <span className="field__label">{t('thisComputer.retention')}</span>
        <select
          value={retentionDays === null ? EVERYTHING : String(retentionDays)}
          onChange={(event) => void onRetention(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.text}
            </option>
          ))}
        </select>
      </label>
      <p className="settings__hint">{t('thisComputer.retentionHint')}</p>
      <CacheSize />
      <div className="settings__actions">
        <button type="button" className="button button--danger" onClick={askToClear}>
          {t('thisComputer.clear')}
        </button>
      </div>
      <p className="settings__hint">{t('thisComputer.clearHint')}</p>
      {confirming && <ClearCacheDialog onClose={() => setConfirming(false)} />}
    </section>
  );
}
