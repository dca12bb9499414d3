// Environment: browser. Keyboard focus inside the search results, which the box and the list both move.
const HIT_SELECTOR = '.search-results .search-hit__open';

function hitButtons(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(HIT_SELECTOR)];
}

/** Focuses the first hit; false when there is none. */
export function focusFirstSearchHit(): boolean {
  const first = hitButtons()[0];
  first?.focus();
  return Boolean(first);
}

/** Moves focus `delta` hits from the focused one (clamped). */
export function moveSearchHitFocus(delta: number): void {
  const buttons = hitButtons();
  const index = buttons.findIndex((button) => button === document.activeElement);
  buttons[Math.min(buttons.length - 1, Math.max(0, index + delta))]?.focus();
}
