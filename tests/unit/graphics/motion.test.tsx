// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { motionValue } from 'framer-motion';
import { afterEach, describe, expect, it } from 'vitest';
import { Graphic } from '../../../src/story/graphics/Graphic.tsx';
import { MotionRoot } from '../../../src/kit/motion.tsx';
import { storyChartModel } from '../../../src/story/graphics/storyChartModel.ts';

afterEach(cleanup);

// Scroll progress reaches the DOM through motion values, after the lazily loaded motion features
// arrive: no React render per frame.
describe('progress drives the graphics without re-rendering', () => {
  it('draws the result bars at their full length from the first frame, and no scroll progress moves them', async () => {
    const progress = motionValue(0);
    const { container } = render(
      <MotionRoot>
        <Graphic model={storyChartModel} stateId="bars:result" progress={progress} />
      </MotionRoot>,
    );
    const bar = () => container.querySelector<SVGRectElement>('.g-result-bar')!;
    expect(bar().style.transform).toBe('scaleX(1)');
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
      progress.set(0.05);
    });
    expect(bar().style.transform).toBe('scaleX(1)');
  });

  it('holds the timeline still within a step, and moves its focus to the next step’s event', async () => {
    const progress = motionValue(0);
    const { container, rerender } = render(
      <MotionRoot>
        <Graphic model={storyChartModel} stateId="timeline:loach-event" progress={progress} />
      </MotionRoot>,
    );
    const focus = () => container.querySelector<SVGCircleElement>('[data-focus-mark]')!;
    const first = focus();
    const before = first.getAttribute('cx');
    expect(before).toMatch(/^[\d.]+$/);
    await act(async () => {
      progress.set(1);
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(focus().getAttribute('cx')).toBe(before);
    rerender(
      <MotionRoot>
        <Graphic model={storyChartModel} stateId="timeline:barred" progress={progress} />
      </MotionRoot>,
    );
    // The same element (so a CSS transition carries it), at the new event's mark.
    expect(focus()).toBe(first);
    expect(focus().getAttribute('cx')).not.toBe(before);
    expect(focus().getAttribute('cx')).toBe(container.querySelector('[data-event-mark="barred"]')!.getAttribute('cx'));
  });
});
