// Environment: browser. A draggable (and keyboard-adjustable) divider between two panes.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface PaneResizerProps {
  label: string;
  width: number;
  min: number;
  max: number;
  /** +1 when dragging right widens the pane (pane on the left), -1 when it narrows it (pane on the right). */
  direction: 1 | -1;
  onResize(width: number): void;
}

const KEY_STEP_PX = 16;

export function PaneResizer({ label, width, min, max, direction, onResize }: PaneResizerProps) {
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const clamp = (value: number) => Math.min(max, Math.max(min, value));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onResize(clamp(drag.current.startWidth + direction * (event.clientX - drag.current.startX)));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const sign = event.key === 'ArrowRight' ? 1 : -1;
    onResize(clamp(width + sign * direction * KEY_STEP_PX));
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className="pane-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
