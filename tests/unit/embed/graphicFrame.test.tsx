// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import steps from 'virtual:story-outline';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GraphicFrame } from '../../../src/story/embed/graphicFrame.tsx';
import { createLayoutStore, type LayoutStore } from '../../../src/kit/embed/layerLayout.ts';
import type { HostMessage, LayerLayout } from '../../../src/kit/embed/protocol.ts';
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
    ...store,
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
        <GraphicFrame step={storeWithStepOnSubscribe(index, 0.5)} channel={{ post: vi.fn() }} layouts={createLayoutStore()} />
      </MotionRoot>,
    );
    expect(frameOf(container).dataset.stepIndex).toBe(String(index));
    expect(frameOf(container).dataset.graphicState).toBe(steps[index].graphic);
  });

  it('follows every later step', () => {
    const store = createSharedProgress();
    const { container } = render(
      <MotionRoot>
        <GraphicFrame step={store} channel={{ post: vi.fn() }} layouts={createLayoutStore()} />
      </MotionRoot>,
    );
    expect(frameOf(container).dataset.stepIndex).toBe('-1');
    act(() => store.set(2, 0.25));
    expect(frameOf(container).dataset.stepIndex).toBe('2');
    expect(frameOf(container).dataset.graphicState).toBe(steps[2].graphic);
  });
});

const LAYER: LayerLayout = {
  layerWidth: 390,
  layerHeight: 400,
  boxLeft: 8,
  boxTop: 52,
  boxWidth: 374,
  boxHeight: 340,
  navLeft: 0,
  navTop: 0,
  navWidth: 390,
  navHeight: 52,
  layout: 'band',
};
const layoutMessage: HostMessage = { type: 'layout', id: 'driscoll-1-g', seq: 1, ...LAYER };
const hello: HostMessage = { type: 'hello', id: 'driscoll-1-g', seq: 2 };

function renderFrame(store: SharedProgress, layouts: LayoutStore, post = vi.fn()) {
  return render(
    <MotionRoot>
      <GraphicFrame step={store} channel={{ post }} layouts={layouts} />
    </MotionRoot>,
  );
}

describe('GraphicFrame: where it draws', () => {
  it('a layout before the hello: the whole layer, the graphic in its box and a copy of the step control in its place', () => {
    const layouts = createLayoutStore();
    const store = createSharedProgress();
    const { container } = renderFrame(store, layouts);
    act(() => {
      layouts.hear(layoutMessage);
      layouts.hear(hello);
      store.set(3, 0);
    });
    const layer = container.querySelector<HTMLElement>('.graphic-frame-layer')!;
    expect(layer.dataset.layout).toBe('band');
    expect([layer.style.width, layer.style.height]).toEqual(['390px', '400px']);
    const box = frameOf(container).parentElement!;
    expect([box.style.left, box.style.top, box.style.width, box.style.height]).toEqual(['8px', '52px', '374px', '340px']);
    const nav = container.querySelector<HTMLElement>('.graphic-frame-nav')!;
    expect([nav.style.left, nav.style.top, nav.style.width, nav.style.getPropertyValue('--nav-h')]).toEqual(['0px', '0px', '390px', '52px']);
    // The copy says what the story's control says for that step.
    expect(nav.querySelector('.step-nav-status')!.textContent).toContain(steps[3].title);
  });

  it('the copy shows the ring of the focused button and the story’s progress on its bar', () => {
    const layouts = createLayoutStore();
    const store = createSharedProgress();
    const { container } = renderFrame(store, layouts);
    act(() => {
      layouts.hear(layoutMessage);
      store.set(1, 0);
      store.setStory(0.5);
      store.setFocus(1);
    });
    const buttons = [...container.querySelectorAll<HTMLElement>('.graphic-frame-nav button')];
    expect(buttons.map((b) => b.hasAttribute('data-focus-ring'))).toEqual([false, true]);
    expect(container.querySelector<HTMLElement>('.step-nav-fill')!.style.transform).toBe('scaleX(0.5)');
    act(() => store.setFocus(-1));
    expect(buttons.map((b) => b.hasAttribute('data-focus-ring'))).toEqual([false, false]);
  });

  it('a hello with no layout before it (embed.js before December 2026): the graphic fills the frame, no control', () => {
    const layouts = createLayoutStore();
    const { container } = renderFrame(createSharedProgress(), layouts);
    act(() => layouts.hear(hello));
    expect(layouts.get()).toBe('fill');
    expect(container.querySelector('.graphic-frame-fill [data-graphic]')).not.toBeNull();
    expect(container.querySelector('.graphic-frame-nav')).toBeNull();
    // A layout later still wins (a host that restarted).
    act(() => layouts.hear({ ...layoutMessage, seq: 3 }));
    expect(container.querySelector('.graphic-frame-layer')).not.toBeNull();
  });

  it('says drawn only once it knows where to draw', async () => {
    const layouts = createLayoutStore();
    const post = vi.fn();
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => {
      cb(0);
      return 0;
    });
    try {
      renderFrame(createSharedProgress(), layouts, post);
      await act(async () => {});
      expect(post).not.toHaveBeenCalled();
      act(() => layouts.hear(layoutMessage));
      await act(async () => {});
      expect(post).toHaveBeenCalledWith({ type: 'drawn' });
    } finally {
      raf.mockRestore();
    }
  });
});
