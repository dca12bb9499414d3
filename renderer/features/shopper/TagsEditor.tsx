// Environment: browser. The team's tags on a conversation as removable chips with a field to add one; the AI's
// tags from the handoff beside them, read-only.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tagSchema, tagsSchema, type Conversation } from '../../../shared/domain.js';
import { useDesk } from '../../store/use-desk.js';
import { codeLabel } from '../conversation/display-names.js';

const NO_TAGS: string[] = [];

/** Adds a tag unless it is there already (case-insensitive). */
export function withTag(tags: readonly string[], tag: string): string[] {
  const trimmed = tag.trim();
  if (!trimmed || tags.some((known) => known.toLowerCase() === trimmed.toLowerCase())) return [...tags];
  return [...tags, trimmed];
}

export function TagsEditor({ conversation, editable }: { conversation: Conversation; editable: boolean }) {
  const { t } = useTranslation();
  const pendingTags = useDesk((state) => state.actionsByConversation[conversation.id]?.pendingTags ?? null);
  const setTags = useDesk((state) => state.setTags);
  const [input, setInput] = useState('');
  const [invalid, setInvalid] = useState(false);
  const tags = pendingTags ?? conversation.tags ?? NO_TAGS;
  const aiTags = conversation.escalation?.tags ?? NO_TAGS;

  const add = () => {
    const parts = input
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    if (parts.length === 0) return;
    if (!parts.every((part) => tagSchema.safeParse(part).success)) {
      setInvalid(true);
      return;
    }
    const next = parts.reduce<string[]>((all, part) => withTag(all, part), tags);
    if (!tagsSchema.safeParse(next).success) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setInput('');
    if (next.length !== tags.length) void setTags(conversation.id, next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && input === '' && tags.length > 0 && editable) {
      void setTags(conversation.id, tags.slice(0, -1));
    }
  };

  return (
    <div className="tags">
      <div role="group" aria-labelledby="tags-heading" className="tags__group">
        <h2 id="tags-heading" className="pane__title">
          {t('tags.label')}
        </h2>
        {tags.length === 0 && <p className="tags__none">{t('tags.none')}</p>}
        <ul className="tag-list">
          {tags.map((tag) => (
            <li key={tag} className="chip chip--tag chip--team">
              <span>{tag}</span>
              {editable && (
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={t('tags.remove', { tag })}
                  onClick={() =>
                    void setTags(
                      conversation.id,
                      tags.filter((known) => known !== tag),
                    )
                  }
                >
                  <span aria-hidden="true">×</span>
                </button>
              )}
            </li>
          ))}
        </ul>
        {editable && (
          <input
            type="text"
            className="tags__input"
            aria-label={t('tags.add')}
            placeholder={t('tags.addPlaceholder')}
            value={input}
            aria-invalid={invalid}
            onChange={(event) => {
              setInput(event.target.value);
              setInvalid(false);
            }}
            onKeyDown={onKeyDown}
            onBlur={add}
          />
        )}
      </div>
      <div role="group" aria-labelledby="ai-tags-heading" className="tags__group tags__group--ai">
        <h3 id="ai-tags-heading" className="tags__ai-title" title={t('tags.aiHint')}>
          {t('tags.ai')}
        </h3>
        {aiTags.length === 0 ? (
          <p className="tags__none">{t('shopper.none')}</p>
        ) : (
          <ul className="tag-list">
            {aiTags.map((tag) => (
              <li key={tag} className="chip chip--tag chip--ai" title={tag}>
                {codeLabel(tag)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
