// Environment: browser. Transfer a conversation to a teammate (by name, with their presence and load) or back
// to the queue, with an optional internal note for whoever picks it up.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NOTE_LENGTH } from '../../../shared/desk-protocol.js';
import { DialogFormEnd } from '../../components/DialogFormEnd.js';
import { Modal } from '../../components/Modal.js';
import { useDesk } from '../../store/use-desk.js';
import { sortRoster } from '../team/TeamRoster.js';

const QUEUE = '__queue__';

export function TransferDialog({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const conversation = useDesk((state) => state.conversationsById[conversationId]);
  const roster = useDesk((state) => state.roster);
  const moving = useDesk((state) => state.actionsByConversation[conversationId]?.moving ?? false);
  const error = useDesk((state) => state.actionsByConversation[conversationId]?.error ?? null);
  const transfer = useDesk((state) => state.transfer);
  const closeDialog = useDesk((state) => state.closeDialog);
  const candidates = sortRoster(roster).filter((member) => member.id !== conversation?.assignee?.id);
  const [to, setTo] = useState<string>(() => candidates.find((m) => m.presence === 'online')?.id ?? QUEUE);
  const [note, setNote] = useState('');
  const target = candidates.find((member) => member.id === to);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = note.trim();
    if (trimmed.length > MAX_NOTE_LENGTH) return;
    if (await transfer(conversationId, to === QUEUE ? null : to, trimmed || undefined)) closeDialog();
  };

  return (
    <Modal title={t('transfer.title')} onClose={closeDialog}>
      <form className="dialog-form" onSubmit={onSubmit}>
        <label className="field">
          <span className="field__label">{t('transfer.to')}</span>
          <select value={to} onChange={(event) => setTo(event.target.value)} data-autofocus>
            <option value={QUEUE}>{t('transfer.queue')}</option>
            {candidates.map((member) => (
              <option key={member.id} value={member.id}>
                {t('transfer.member', {
                  name: member.name,
                  presence: t(`presence.${member.presence}`),
                  load: t('team.load', { open: String(member.openCount), capacity: String(member.capacity) }),
                })}
              </option>
            ))}
          </select>
        </label>
        {target && target.openCount >= target.capacity && (
          <p className="field__hint field__hint--warning">
            {t('transfer.atCapacity', { name: target.name })}
          </p>
        )}
        <label className="field">
          <span className="field__label">{t('transfer.note')}</span>
          <textarea
            value={note}
            rows={3}
            maxLength={MAX_NOTE_LENGTH}
            placeholder={t('transfer.notePlaceholder')}
            onChange={(event) => setNote(event.target.value)}
            className="note-input"
            aria-describedby="transfer-note-hint"
          />
        </label>
        <p id="transfer-note-hint" className="field__hint">
          {t('transfer.noteHint')}
        </p>
        <DialogFormEnd
          error={error}
          working={moving}
          submitLabel={t('transfer.submit')}
          onCancel={closeDialog}
        />
      </form>
    </Modal>
  );
}
