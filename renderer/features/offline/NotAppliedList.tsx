// Environment: browser. The open conversation's actions the hub refused (it changed while the agent was
// offline): what each was, the hub's reason, and the text the agent wrote, shown as text, to copy, edit again
// or dismiss. Nothing typed is lost until the agent says so.
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { FailedAction } from '../../../shared/desk-api.js';
import { CopyTextButton } from '../../components/CopyTextButton.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import type { MessageKey } from '../../i18n/en.js';
import { describeDeskError } from '../../store/describe-desk-error.js';
import { failedActionsOf } from '../../store/failed-actions-slice.js';
import { useDesk } from '../../store/use-desk.js';

const kindLabels: Record<FailedAction['commandType'], MessageKey> = {
  claim: 'notApplied.kind.claim',
  reply: 'notApplied.kind.reply',
  note: 'notApplied.kind.note',
  resolve: 'notApplied.kind.resolve',
  transfer: 'notApplied.kind.transfer',
  set_status: 'notApplied.kind.set_status',
  set_tags: 'notApplied.kind.set_tags',
};

function NotAppliedItem({ action, canEdit }: { action: FailedAction; canEdit: boolean }) {
  const { t } = useTranslation();
  const dismiss = useDesk((state) => state.dismissFailedAction);
  const focusComposer = useDesk((state) => state.focusComposer);
  const composerMode = useDesk((state) => state.composerMode);
  const editAgain = useDesk((state) => state.editFailedActionAgain);
  const textRef = useRef<HTMLParagraphElement>(null);
  const itemRef = useRef<HTMLLIElement>(null);
  const kindId = useId();

  const onDismiss = () => {
    // The button is about to vanish: keep the keyboard in the list (the next item), else go to the composer.
    const item = itemRef.current;
    const neighbour = (item?.nextElementSibling ?? item?.previousElementSibling)?.querySelector('button');
    void dismiss(action.commandId);
    if (neighbour instanceof HTMLElement) neighbour.focus();
    else if (canEdit) focusComposer(composerMode);
  };

  return (
    <li
      ref={itemRef}
      className="not-applied__item"
      aria-labelledby={kindId}
      data-command-type={action.commandType}
    >
      <div className="not-applied__head">
        <strong id={kindId}>{t(kindLabels[action.commandType])}</strong>
        <RelativeTime iso={action.createdAt} className="not-applied__time" />
      </div>
      <p className="not-applied__reason">
        {t('notApplied.reason', { reason: describeDeskError(action.error) })}
      </p>
      {action.text !== null && (
        <figure className="not-applied__text">
          <figcaption className="visually-hidden">{t('notApplied.text')}</figcaption>
          <p ref={textRef}>{action.text}</p>
        </figure>
      )}
      <div className="not-applied__buttons">
        {action.text !== null && <CopyTextButton text={action.text} source={textRef} />}
        {action.text !== null && canEdit && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void editAgain(action.commandId)}
          >
            {t('notApplied.editAgain')}
          </button>
        )}
        <button type="button" className="button button--ghost" onClick={onDismiss}>
          {t('notApplied.dismiss')}
        </button>
      </div>
    </li>
  );
}

/** `canEdit`: the conversation is still here, with a composer to take the text back. */
export function NotAppliedList({ conversationId, canEdit }: { conversationId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const actions = useDesk(useShallow((state) => failedActionsOf(state.failedActions, conversationId)));
  const titleId = useId();
  if (actions.length === 0) return null;
  return (
    <section className="not-applied" aria-labelledby={titleId}>
      <h3 id={titleId} className="not-applied__title">
        {t('notApplied.title')}
      </h3>
      <p className="not-applied__hint">{t('notApplied.hint')}</p>
      <ul className="not-applied__list" aria-labelledby={titleId}>
        {actions.map((action) => (
          <NotAppliedItem key={action.commandId} action={action} canEdit={canEdit} />
        ))}
      </ul>
    </section>
  );
}
