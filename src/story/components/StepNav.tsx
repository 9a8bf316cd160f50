import type { MotionValue } from 'framer-motion';
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import islandCopy from 'virtual:island-copy';
import { fillSlots } from '../data/tokens.ts';

const copy = islandCopy.stepNav;

interface StepNavProps {
  activeIndex: number;
  titles: string[];
  storyProgress: MotionValue<number>;
  onGo(index: number): void;
  /**
   * A copy for the eye only (embed.js's graphic frame, inert and hidden from assistive technology):
   * the control it copies is unseen under it, and `focus` is which of that one's buttons (0 previous,
   * 1 next, -1 none) has keyboard focus, drawn here as its ring.
   */
  copyOf?: { focus: number };
  /**
   * The reader sees a copy of this control, not this one (embed.js's graphic frame draws it): the bar
   * stands still until the control is seen again. Written on every scrolled frame, it restyled and
   * repainted an unseen control.
   */
  unseen?: boolean;
}

const NEXT_KEYS = new Set(['ArrowDown', 'ArrowRight', 'j', 'PageDown']);
const PREVIOUS_KEYS = new Set(['ArrowUp', 'ArrowLeft', 'k', 'PageUp']);

/**
 * Where the reader is (a progress bar and "3 of 12") and buttons to step through the story. Arrow
 * keys and j/k work while a step button has focus, and only there, so they never hijack reading.
 * Memoised: the story's chrome renders several times per step change (the step, then the graphic's
 * deferred render, the fling watch's start and end); the control changes only with its own props
 * (embed.js’s graphic frame passes a new `copyOf` each render, so there it renders each time).
 */
export const StepNav = memo(function StepNav({ activeIndex, titles, storyProgress, onGo, copyOf, unseen = false }: StepNavProps) {
  const total = titles.length;
  const previous = Math.max(0, activeIndex - 1);
  const next = Math.min(total - 1, activeIndex + 1);
  const atStart = activeIndex <= 0;
  const atEnd = activeIndex >= total - 1;
  // Written straight to the element: a motion component would drop values set before the animation
  // features load (a deep link showed an empty bar until the first scroll).
  const fill = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (unseen) return;
    const apply = (value: number) => fill.current?.style.setProperty('transform', `scaleX(${value})`);
    apply(storyProgress.get());
    return storyProgress.on('change', apply);
  }, [storyProgress, unseen]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.metaKey || event.ctrlKey) return;
    if (NEXT_KEYS.has(event.key) && !atEnd) onGo(next);
    else if (PREVIOUS_KEYS.has(event.key) && !atStart) onGo(previous);
    else return;
    event.preventDefault();
  };
  // aria-disabled, not disabled: a disabled button would drop keyboard focus to the page at either end.
  // `part` is the button's place among the control's buttons, for the copy's focus ring.
  const stepButton = (part: number, disabled: boolean, target: number, label: string, arrow: string) => (
    <button
      type="button"
      className="step-nav-button"
      onClick={() => disabled || onGo(target)}
      onKeyDown={onKeyDown}
      aria-disabled={disabled}
      aria-label={label}
      data-focus-ring={copyOf?.focus === part ? '' : undefined}
    >
      <span aria-hidden="true">{arrow}</span>
    </button>
  );
  return (
    <nav className="step-nav" aria-label={copy.label} data-copy={copyOf ? '' : undefined}>
      <div className="step-nav-bar" aria-hidden="true">
        <div className="step-nav-fill" ref={fill} />
      </div>
      {stepButton(0, atStart, previous, copy.previous, '↑')}
      {/* The status is a new span per step, in a box two lines tall: a changed text (centred, one line
          or two) moved the old one, a layout shift at every step change under the reader's scroll. */}
      <p className="step-nav-status" aria-live="polite">
        <span key={activeIndex}>
          {activeIndex < 0
            ? fillSlots(copy.idle, { steps: String(total) })
            : fillSlots(copy.status, { step: String(activeIndex + 1), steps: String(total), title: titles[activeIndex] })}
        </span>
      </p>
      {stepButton(1, atEnd, next, copy.next, '↓')}
    </nav>
  );
});
