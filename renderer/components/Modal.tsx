// Environment: browser. A modal dialog on the native <dialog> element: the browser traps focus, closes on
// Escape and restores focus; the title names the dialog for screen readers (and tests).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Extra class for sizing (e.g. modal--wide). */
  className?: string;
  /** Hide the visible heading (the palette shows its input instead); the name stays. */
  hideTitle?: boolean;
}

export function Modal({ title, onClose, children, className, hideTitle }: ModalProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first focusable element (the close button); the dialog's own first field is better.
    // React's autoFocus renders no attribute the browser could see, so dialogs mark that field data-autofocus.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const closed = () => onCloseRef.current();
    dialog.addEventListener('close', closed);
    return () => {
      dialog.removeEventListener('close', closed);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={titleId}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === ref.current) ref.current?.close();
      }}
    >
      <div className="modal__content">
        <header className={`modal__header${hideTitle ? ' visually-hidden' : ''}`}>
          <h2 id={titleId} className="modal__title">
            {title}
          </h2>
          <button
            type="button"
            className="button button--ghost modal__close"
            onClick={() => ref.current?.close()}
          >
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">{t('actions.close')}</span>
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
