/**
 * The active step and the progress through it, as the text frame's story engine decides them, and
 * the step control's state, for whoever draws the graphic layer elsewhere (embed.js's graphic frame
 * in sticky mode, via the runtime). A tiny store with no dependencies: StoryChrome writes it on every
 * top-level page too, so it must cost nothing there.
 */
export interface SharedStep {
  index: number;
  progress: number;
  /** Progress through the whole story (the control's bar), in steps of 1 / STORY_STEPS. */
  story: number;
  /** The step control's part with keyboard focus (focus-visible), in document order; -1 for none. */
  focus: number;
}

/**
 * The story's progress is shared in 200 steps: each change is a message through the host page, so
 * not one per scrolled pixel (the copied bar moves in steps of 2 px on a phone, eased by CSS).
 */
export const STORY_STEPS = 200;

type Listener = (step: SharedStep) => void;

export interface SharedProgress {
  get(): SharedStep;
  set(index: number, progress: number): void;
  setStory(story: number): void;
  setFocus(focus: number): void;
  subscribe(listener: Listener): () => void;
}

const unit = (v: number) => Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));

export function createSharedProgress(): SharedProgress {
  let step: SharedStep = { index: -1, progress: 0, story: 0, focus: -1 };
  const listeners = new Set<Listener>();
  const update = (next: Partial<SharedStep>) => {
    if (Object.entries(next).every(([k, v]) => step[k as keyof SharedStep] === v)) return;
    step = { ...step, ...next };
    for (const l of listeners) l(step);
  };
  return {
    get: () => step,
    set: (index, progress) => update({ index, progress: unit(progress) }),
    setStory: (story) => update({ story: Math.round(unit(story) * STORY_STEPS) / STORY_STEPS }),
    setFocus: (focus) => update({ focus: Number.isInteger(focus) && focus >= 0 ? focus : -1 }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const sharedProgress = createSharedProgress();

/** A yes/no the runtime writes and React reads (useSyncExternalStore). */
export interface Flag {
  get(): boolean;
  set(on: boolean): void;
  subscribe(listener: () => void): () => void;
}

export function createFlag(): Flag {
  let on = false;
  const listeners = new Set<() => void>();
  return {
    get: () => on,
    set(next) {
      if (next === on) return;
      on = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * On while embed.js's graphic frame draws our graphic over our own (sticky mode): ours is hidden
 * then, and stands still rather than draw every step change a second time.
 */
export const graphicPinned = createFlag();

/** On while that frame draws our whole graphic layer (the band and the step control's copy), not only the graphic. */
export const layerPinned = createFlag();
