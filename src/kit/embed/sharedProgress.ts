/**
 * The active step and the progress through it, as the text frame's story engine decides them, for
 * whoever draws the graphic elsewhere (embed.js's graphic frame in sticky mode, via the runtime).
 * A tiny store with no dependencies: StoryChrome writes it on every top-level page too, so it must
 * cost nothing there.
 */
export interface SharedStep {
  index: number;
  progress: number;
}

type Listener = (step: SharedStep) => void;

export interface SharedProgress {
  get(): SharedStep;
  set(index: number, progress: number): void;
  subscribe(listener: Listener): () => void;
}

export function createSharedProgress(): SharedProgress {
  let step: SharedStep = { index: -1, progress: 0 };
  const listeners = new Set<Listener>();
  return {
    get: () => step,
    set(index, progress) {
      const p = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
      if (index === step.index && p === step.progress) return;
      step = { index, progress: p };
      for (const l of listeners) l(step);
    },
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
