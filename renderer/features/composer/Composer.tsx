// Environment: browser. The composer: a reply to the shopper or an internal note (visibly different), Enter
// sends and Shift+Enter breaks the line. `/` suggests canned replies, `@` in a note suggests teammates. The
// text stays until the desk core has accepted it, so a failure never loses what the agent typed.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { renderCannedReply } from '../../../shared/canned-replies.js';
import { MAX_NOTE_LENGTH } from '../../../shared/desk-protocol.js';
import { MAX_MESSAGE_LENGTH, type Conversation } from '../../../shared/domain.js';
import { createTypingTracker } from '../../platform/typing-tracker.js';
import type { ComposerMode } from '../../store/ui-slice.js';
import { useDesk, useDeskStore } from '../../store/use-desk.js';
import { filterCannedReplies } from './canned-suggestions.js';
import { extractMentions, mentionText, suggestMembers } from './mentions.js';
import { Suggestions, type Suggestion } from './Suggestions.js';
import { findTrigger, replaceTrigger } from './triggers.js';

/** Typing counts as stopped this long after the last keystroke. */
const TYPING_STOPS_AFTER_MS = 3000;

interface ComposerProps {
  conversation: Conversation;
  canReply: boolean;
  shopperName: string;
}

export function Composer({ conversation, canReply, shopperName }: ComposerProps) {
  const { t } = useTranslation();
  const store = useDeskStore();
  const conversationId = conversation.id;
  const chosenMode = useDesk((state) => state.composerMode);
  const mode: ComposerMode = canReply ? chosenMode : 'note';
  const setMode = useDesk((state) => state.setComposerMode);
  const text = useDesk((state) => state.drafts[conversationId]?.[mode] ?? '');
  const setDraft = useDesk((state) => state.setDraft);
  const focusRequest = useDesk((state) => state.composerFocusRequest);
  const roster = useDesk((state) => state.roster);
  const cannedReplies = useDesk((state) => state.cannedReplies);
  const account = useDesk((state) => state.session?.account);
  const reply = useDesk((state) => state.reply);
  const addNote = useDesk((state) => state.addNote);
  const sending = useDesk((state) => {
    const actions = state.actionsByConversation[conversationId];
    return mode === 'reply' ? (actions?.replying ?? false) : (actions?.noting ?? false);
  });
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [activeIndex, setActiveIndex] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const listboxId = useId();

  // Typing is reported as it starts and stops, not per key (see platform/activity-reporter.ts).
  const tracker = useMemo(
    () =>
      createTypingTracker<ComposerMode>({
        stopAfterMs: TYPING_STOPS_AFTER_MS,
        onChange: (typing) => store.getState().setTyping(typing),
      }),
    [store],
  );
  useEffect(() => () => tracker.stop(), [tracker]);

  // r / n / the palette ask for focus by bumping the request counter.
  const firstRequest = useRef(focusRequest);
  useEffect(() => {
    if (focusRequest === firstRequest.current) return;
    inputRef.current?.focus();
  }, [focusRequest]);

  const max = mode === 'reply' ? MAX_MESSAGE_LENGTH : MAX_NOTE_LENGTH;
  const trimmed = text.trim();
  const tooLong = trimmed.length > max;

  // What the agent is typing after `/` (canned replies) or, in a note, `@` (mentions).
  const suggestions: {
    kind: 'canned' | 'mentions';
    start: number;
    query: string;
    items: Suggestion[];
  } | null = (() => {
    const slash = findTrigger(text, caret, '/');
    if (slash && slash.start !== dismissedAt) {
      const items = filterCannedReplies(cannedReplies, slash.query).map((canned) => ({
        id: canned.id,
        label: `/${canned.shortcut}`,
        detail: canned.title,
        preview: canned.body,
        insert: () =>
          account
            ? renderCannedReply(canned.body, { shopper: conversation.shopper, agent: account })
            : canned.body,
      }));
      return { kind: 'canned', ...slash, items };
    }
    const at = mode === 'note' ? findTrigger(text, caret, '@') : null;
    if (at && at.start !== dismissedAt) {
      const items = suggestMembers(
        roster.filter((teammate) => teammate.id !== account?.id),
        at.query,
      ).map((member) => ({
        id: member.id,
        label: member.name,
        detail: t(`presence.${member.presence}`),
        preview: null,
        insert: () => mentionText(member),
      }));
      if (items.length > 0) return { kind: 'mentions', ...at, items };
    }
    return null;
  })();
  const open = suggestions !== null;
  const active = open ? Math.min(activeIndex, Math.max(0, suggestions.items.length - 1)) : 0;

  const update = (value: string, nextCaret: number) => {
    setDraft(conversationId, mode, value);
    setCaret(nextCaret);
    setActiveIndex(0);
    if (value.trim()) tracker.keystroke(mode);
    else tracker.stop();
  };

  const choose = (index: number) => {
    if (!suggestions) return;
    const item = suggestions.items[index];
    if (!item) return;
    const next = replaceTrigger(text, caret, suggestions, item.insert(), suggestions.kind === 'mentions');
    update(next.text, next.caret);
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const send = async () => {
    if (!trimmed || tooLong || sending) return;
    tracker.stop();
    const ok =
      mode === 'reply'
        ? await reply(conversationId, trimmed)
        : await addNote(conversationId, trimmed, extractMentions(trimmed, roster));
    if (ok) {
      setDraft(conversationId, mode, '');
      setCaret(0);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (open && suggestions.items.length > 0) {
      const count = suggestions.items.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActiveIndex((active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
        return;
      }
      if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
        event.preventDefault();
        choose(active);
        return;
      }
    }
    if (open && event.key === 'Escape') {
      event.preventDefault();
      setDismissedAt(suggestions.start);
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void send();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  const label = mode === 'reply' ? t('composer.reply') : t('composer.note');

  return (
    <form className={`composer composer--${mode}`} onSubmit={onSubmit} data-mode={mode}>
      <div className="composer__top">
        <div role="radiogroup" aria-label={t('composer.mode')} className="segmented">
          {(['reply', 'note'] as const).map((option) => (
            <label key={option} className={`segmented__option segmented__option--${option}`}>
              <input
                type="radio"
                name={`composer-mode-${conversationId}`}
                value={option}
                checked={mode === option}
                disabled={option === 'reply' && !canReply}
                onChange={() => {
                  tracker.stop();
                  setMode(option);
                  inputRef.current?.focus();
                }}
              />
              <span>{option === 'reply' ? t('composer.reply') : t('composer.note')}</span>
            </label>
          ))}
        </div>
        {mode === 'note' && (
          <span className="composer__note-label" title={t('author.internalNoteHint')}>
            {t('author.internalNote')}
          </span>
        )}
      </div>
      {open && (
        <Suggestions
          id={listboxId}
          label={suggestions.kind === 'canned' ? t('composer.cannedReplies') : t('composer.mentions')}
          items={suggestions.items}
          activeIndex={active}
          empty={
            suggestions.kind === 'canned' ? t('composer.noCannedMatch', { query: suggestions.query }) : null
          }
          onChoose={choose}
          onHover={setActiveIndex}
        />
      )}
      <textarea
        ref={inputRef}
        className="composer__input"
        aria-label={label}
        placeholder={
          mode === 'reply' ? t('composer.placeholder', { name: shopperName }) : t('composer.notePlaceholder')
        }
        value={text}
        onChange={(event) => update(event.target.value, event.target.selectionStart)}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => tracker.stop()}
        rows={3}
        aria-invalid={tooLong}
        aria-controls={open ? listboxId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={open && suggestions.items.length > 0 ? `${listboxId}-${active}` : undefined}
      />
      <div className="composer__bar">
        {tooLong ? (
          <span className="composer__error">{t('composer.tooLong', { max })}</span>
        ) : (
          <span className="composer__hint">
            {open
              ? t('composer.suggestionsHint')
              : mode === 'reply'
                ? t('composer.hint')
                : t('composer.noteHint')}
          </span>
        )}
        <button
          type="submit"
          className={`button ${mode === 'reply' ? 'button--primary' : 'button--note'}`}
          disabled={!trimmed || tooLong || sending}
        >
          {mode === 'reply' ? t('composer.send') : t('composer.addNote')}
        </button>
      </div>
    </form>
  );
}
