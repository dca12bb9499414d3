// Environment: browser. The reply box: Enter sends, Shift+Enter breaks the line. The text stays until the
// desk core has accepted the reply, so a failure never loses what the agent typed.
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_MESSAGE_LENGTH } from '../../../shared/domain.js';
import { t } from '../../i18n/t.js';
import { useDesk } from '../../store/use-desk.js';

export function Composer({ conversationId, shopperName }: { conversationId: string; shopperName: string }) {
  const reply = useDesk((state) => state.reply);
  const sending = useDesk((state) => state.actionsByConversation[conversationId]?.replying ?? false);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const text = drafts[conversationId] ?? '';
  const setText = (value: string) => setDrafts((all) => ({ ...all, [conversationId]: value }));
  const trimmed = text.trim();
  const tooLong = trimmed.length > MAX_MESSAGE_LENGTH;

  const send = async () => {
    if (!trimmed || tooLong || sending) return;
    if (await reply(conversationId, trimmed)) {
      setDrafts((all) => ({ ...all, [conversationId]: '' }));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  return (
    <form className="composer" onSubmit={onSubmit}>
      <textarea
        className="composer__input"
        aria-label={t('composer.reply')}
        placeholder={t('composer.placeholder', { name: shopperName })}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        rows={3}
        aria-invalid={tooLong}
      />
      <div className="composer__bar">
        {tooLong ? (
          <span className="composer__error">{t('composer.tooLong', { max: MAX_MESSAGE_LENGTH })}</span>
        ) : (
          <span className="composer__hint">{t('composer.hint')}</span>
        )}
        <button type="submit" className="button button--primary" disabled={!trimmed || tooLong || sending}>
          {t('composer.send')}
        </button>
      </div>
    </form>
  );
}
