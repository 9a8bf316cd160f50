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

  it('holds the timeline still within a step, and re-centres it on the next step’s event', async () => {
    const progress = motionValue(0);
    const { container, rerender } = render(
      <MotionRoot>
        <Graphic model={storyChartModel} stateId="timeline:loach-event" progress={progress} />
      </MotionRoot>,
    );
    const track = () => container.querySelector<SVGGElement>('.g-track')!;
    const before = track().style.transform;
    expect(before).toMatch(/^translateX\(-?[\d.]+px\)$/);
    await act(async () => {
      progress.set(1);
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(track().style.transform).toBe(before);
    rerender(
      <MotionRoot>
        <Graphic model={storyChartModel} stateId="timeline:barred" progress={progress} />
      </MotionRoot>,
    );
    // The same element (so a CSS transition carries it), at a new position.
    expect(track().style.transform).not.toBe(before);
  });
});
