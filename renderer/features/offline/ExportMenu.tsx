// Environment: browser. The conversation header's Export button and its menu (text for people, JSON for
// programs), following the WAI-ARIA menu button pattern: arrows move, Home/End jump, Escape closes and
// returns focus to the button, a click outside closes.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../store/export-slice.js';
import { useDesk, useDeskStore } from '../../store/use-desk.js';
import { exportAndDownload } from './export-and-download.js';

const FORMATS: readonly ExportFormat[] = ['text', 'json'];

export function ExportMenu({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const store = useDeskStore();
  const exporting = useDesk((state) =>
    state.exporting?.conversationId === conversationId ? state.exporting.format : null,
  );
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const openAt = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const choose = (format: ExportFormat) => {
    close(true);
    void exportAndDownload(store, conversationId, format);
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 0 : FORMATS.length - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = FORMATS.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setActive(next);
    } else if (event.key === 'Escape') {
      // Handled here so the window-wide Escape (close the conversation) does not also run.
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="menu-button" ref={wrapperRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={exporting !== null}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        {exporting ? t('export.working') : t('export.button')}
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={t('export.button')}
          className="menu"
          onKeyDown={onMenuKeyDown}
        >
          {FORMATS.map((format, index) => (
            <button
              key={format}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              className="menu__item"
              disabled={exporting !== null}
              onClick={() => choose(format)}
              onMouseEnter={() => setActive(index)}
            >
              {format === 'text' ? t('export.text') : t('export.json')}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
