// Environment: browser. Canned replies: the shared ones (leads edit them) and the agent's personal ones, with
// an inline form to add or edit one. The hub answers each save and pushes the new list to every console.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CANNED_REPLY_VARIABLES,
  cannedReplySaveSchema,
  type CannedReply,
  type CannedReplySave,
} from '../../../shared/canned-replies.js';
import { newClientId } from '../../platform/client-id.js';
import type { SaveOutcome } from '../../store/hub-settings-slice.js';
import { useDesk } from '../../store/use-desk.js';

type Editing = { mode: 'new' } | { mode: 'edit'; reply: CannedReply } | null;

export function CannedRepliesSection() {
  const { t } = useTranslation();
  const replies = useDesk((state) => state.cannedReplies);
  const account = useDesk((state) => state.session?.account);
  const deleteCannedReply = useDesk((state) => state.deleteCannedReply);
  const live = useDesk((state) => state.connection.status === 'online');
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);
  const lead = account?.role === 'lead';
  const canEdit = (reply: CannedReply) => (reply.scope === 'shared' ? lead : reply.ownerId === account?.id);
  const sorted = [...replies].sort(
    (a, b) =>
      Number(a.scope === 'personal') - Number(b.scope === 'personal') || a.shortcut.localeCompare(b.shortcut),
  );

  const remove = async (reply: CannedReply) => {
    setError(null);
    const outcome = await deleteCannedReply(reply.id);
    if (!outcome.ok) setError(t('canned.deleteFailed', { message: outcome.message }));
  };

  return (
    <section className="settings__section" aria-labelledby="settings-canned">
      <div className="settings__heading-row">
        <h3 id="settings-canned">{t('canned.title')}</h3>
        {editing === null && (
          <button
            type="button"
            className="button"
            disabled={!live}
            onClick={() => setEditing({ mode: 'new' })}
          >
            {t('canned.add')}
          </button>
        )}
      </div>
      <p className="settings__hint">
        {t('canned.hint', { variables: CANNED_REPLY_VARIABLES.map((name) => `{{${name}}}`).join(', ') })}
      </p>
      {editing && (
        <CannedReplyForm
          key={editing.mode === 'edit' ? editing.reply.id : 'new'}
          initial={editing.mode === 'edit' ? editing.reply : null}
          allowShared={lead}
          onDone={() => setEditing(null)}
        />
      )}
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
      {sorted.length === 0 ? (
        <p className="settings__hint">{t('canned.empty')}</p>
      ) : (
        <ul className="canned-list">
          {sorted.map((reply) => (
            <li key={reply.id} className="canned-item">
              <div className="canned-item__head">
                <code className="canned-item__shortcut">/{reply.shortcut}</code>
                <span className="canned-item__title">{reply.title}</span>
                <span className={`chip chip--scope chip--${reply.scope}`}>
                  {reply.scope === 'shared' ? t('canned.shared') : t('canned.personal')}
                </span>
                {canEdit(reply) && (
                  <span className="canned-item__actions">
                    <button
                      type="button"
                      className="button button--ghost"
                      disabled={!live}
                      onClick={() => setEditing({ mode: 'edit', reply })}
                      aria-label={t('canned.edit', { title: reply.title })}
                    >
                      {t('canned.editShort')}
                    </button>
                    <button
                      type="button"
                      className="button button--ghost button--danger"
                      disabled={!live}
                      onClick={() => void remove(reply)}
                      aria-label={t('canned.delete', { title: reply.title })}
                    >
                      {t('canned.deleteShort')}
                    </button>
                  </span>
                )}
              </div>
              <p className="canned-item__body">{reply.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CannedReplyForm({
  initial,
  allowShared,
  onDone,
}: {
  initial: CannedReply | null;
  allowShared: boolean;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const saveCannedReply = useDesk((state) => state.saveCannedReply);
  const [draft, setDraft] = useState<CannedReplySave>(() => ({
    id: initial?.id ?? newClientId('canned'),
    scope: initial?.scope ?? 'personal',
    shortcut: initial?.shortcut ?? '',
    title: initial?.title ?? '',
    body: initial?.body ?? '',
  }));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = (patch: Partial<CannedReplySave>) => setDraft((current) => ({ ...current, ...patch }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = cannedReplySaveSchema.safeParse(draft);
    if (!parsed.success) {
      const shortcutBad = parsed.error.issues.some(
        (issue) => issue.path[0] === 'shortcut' && draft.shortcut.trim(),
      );
      setError(shortcutBad ? t('canned.badShortcut') : t('canned.required'));
      return;
    }
    setSaving(true);
    const outcome: SaveOutcome = await saveCannedReply(parsed.data);
    setSaving(false);
    if (outcome.ok) onDone();
    else setError(t('canned.failed', { message: outcome.message }));
  };

  return (
    <form className="canned-form" onSubmit={onSubmit} noValidate>
      <div className="canned-form__row">
        <label className="field">
          <span className="field__label">{t('canned.shortcut')}</span>
          <input
            type="text"
            value={draft.shortcut}
            spellCheck={false}
            autoFocus
            onChange={(event) => change({ shortcut: event.target.value.replace(/^\//, '') })}
          />
        </label>
        <label className="field field--grow">
          <span className="field__label">{t('canned.titleField')}</span>
          <input
            type="text"
            value={draft.title}
            onChange={(event) => change({ title: event.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('canned.scope')}</span>
          <select
            value={draft.scope}
            onChange={(event) => change({ scope: event.target.value as CannedReplySave['scope'] })}
          >
            <option value="personal">{t('canned.scope.personal')}</option>
            {(allowShared || draft.scope === 'shared') && (
              <option value="shared" disabled={!allowShared}>
                {t('canned.scope.shared')}
              </option>
            )}
          </select>
        </label>
      </div>
      <label className="field">
        <span className="field__label">{t('canned.body')}</span>
        <textarea rows={4} value={draft.body} onChange={(event) => change({ body: event.target.value })} />
      </label>
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
      <div className="dialog-form__buttons">
        <button type="button" className="button" onClick={onDone}>
          {t('actions.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving}>
          {t('canned.save')}
        </button>
      </div>
    </form>
  );
}
