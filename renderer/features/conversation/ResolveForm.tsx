// Environment: browser. Resolving with optional tags: an inline field, then a confirm button.
import { useState, type FormEvent } from 'react';
import { tagsSchema } from '../../../shared/domain.js';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../store/use-desk.js';

/** "refund, Shipping ,refund" → ["refund", "Shipping"]. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of input.split(',')) {
    const tag = raw.trim();
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

export function ResolveForm({ conversationId, onDone }: { conversationId: string; onDone(): void }) {
  const { t } = useTranslation();
  const resolve = useDesk((state) => state.resolve);
  const resolving = useDesk((state) => state.actionsByConversation[conversationId]?.resolve === 'in_flight');
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = tagsSchema.safeParse(parseTags(input));
    if (!parsed.success) {
      setError(parsed.error.issues.map((issue) => issue.message).join('; '));
      return;
    }
    setError(null);
    if (await resolve(conversationId, parsed.data)) onDone();
  };

  return (
    <form className="resolve-form" onSubmit={onSubmit}>
      <label className="field field--inline">
        <span className="field__label">{t('actions.tags')}</span>
        <input
          type="text"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          placeholder={t('actions.tagsHint')}
          autoFocus
          aria-invalid={error !== null}
        />
      </label>
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
      <div className="resolve-form__buttons">
        <button type="button" className="button" onClick={onDone}>
          {t('actions.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={resolving} aria-busy={resolving}>
          {resolving ? t('actions.resolving') : t('actions.resolveConfirm')}
        </button>
      </div>
    </form>
  );
}
