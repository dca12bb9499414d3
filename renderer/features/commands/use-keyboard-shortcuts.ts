// Environment: browser. The window-wide keyboard listener: matches keys against the shortcut map and runs the
// command. Runs after the focused element's own handlers (it listens on window), so a list or field that
// handled a key itself (preventDefault) keeps it.
import { useEffect } from 'react';
import { useDeskStore } from '../../store/use-desk.js';
import { runCommand } from './desk-commands.js';
import { createShortcutMatcher, isTextEntry } from './shortcuts.js';

/** Elements where Enter and arrows already mean something (activate, move, scroll). */
function ownsNavigationKeys(element: Element | null): boolean {
  if (!element || element === document.body) return false;
  return (
    element.closest(
      'button, a, select, [role="option"], [role="tab"], [role="radio"], dialog, .transcript',
    ) !== null
  );
}

export function useKeyboardShortcuts(): void {
  const store = useDeskStore();
  useEffect(() => {
    const matcher = createShortcutMatcher();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : null;
      const typing = isTextEntry(target);
      const command = matcher.press(event, typing, Date.now());
      if (command === null || command === 'pending') return;
      // Inside a dialog only the app-wide keys apply; the dialog handles its own.
      if (store.getState().dialog && command !== 'close' && command !== 'palette') return;
      if (
        (command === 'open' || command === 'next' || command === 'previous') &&
        event.key !== 'j' &&
        event.key !== 'k'
      ) {
        if (ownsNavigationKeys(target)) return;
      }
      if (command === 'close' && store.getState().dialog) return; // The native dialog closes itself on Escape.
      if (runCommand(command, store)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
