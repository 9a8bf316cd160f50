// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import steps from 'virtual:story-outline';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GraphicFrame } from '../../../src/story/embed/graphicFrame.tsx';
import { createSharedProgress, type SharedProgress } from '../../../src/kit/embed/sharedProgress.ts';
import { preloadGraphics } from '../../../src/story/graphics/LiveGraphic.tsx';
import { MotionRoot } from '../../../src/kit/motion.tsx';

// Every graphic's chunk in first, so no render waits on one.
beforeAll(() => preloadGraphics());
afterEach(cleanup);

/** A store whose first step lands after the first render, just before the frame subscribes. */
function storeWithStepOnSubscribe(index: number, progress: number): SharedProgress {
  const store = createSharedProgress();
  let first = true;
  return {
    get: store.get,
    set: store.set,
    subscribe(listener) {
      if (first) {
        first = false;
        store.set(index, progress);
      }
      return store.subscribe(listener);
    },
  };
}

const frameOf = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-graphic]')!;

describe('GraphicFrame (embed.js sticky mode)', () => {
  it('shows the step the host sent between its first render and its subscription', () => {
    const index = steps.length - 1;
    const { container } = render(
      <MotionRoot>
        <GraphicFrame step={storeWithStepOnSubscribe(index, 0.5)} channel={{ post: vi.fn() }} />
      </MotionRoot>,
    );
    expect(frameOf(container).dataset.stepIndex).toBe(String(index));
    expect(frameOf(container).dataset.graphicState).toBe(steps[index].graphic);
  });

  it('follows every later step', () => {
    const store = createSharedProgress();
    const { container } = render(
      <MotionRoot>
        <GraphicFrame step={store} channel={{ post: vi.fn() }} />
      </MotionRoot>,
    );
    expect(frameOf(container).dataset.stepIndex).toBe('-1');
    act(() => store.set(2, 0.25));
    expect(frameOf(container).dataset.stepIndex).toBe('2');
    expect(frameOf(container).dataset.graphicState).toBe(steps[2].graphic);
  });
});
