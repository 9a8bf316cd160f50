// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { motionValue } from 'framer-motion';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fillSlots } from '../../../src/story/data/tokens.ts';
import { StepNav } from '../../../src/story/components/StepNav.tsx';

// StepNav writes its status with fillSlots once per render: counting its calls counts the renders.
vi.mock('../../../src/story/data/tokens.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/story/data/tokens.ts')>();
  return { ...real, fillSlots: vi.fn(real.fillSlots) };
});

afterEach(cleanup);

const titles = ['One', 'Two', 'Three'];
const fillOf = (container: HTMLElement) => container.querySelector<HTMLElement>('.step-nav-fill')!.style.transform;

describe('StepNav under embed.js’s copy (unseen)', () => {
  it('leaves its bar still while unseen and catches up once seen again', () => {
    const progress = motionValue(0.25);
    const view = (unseen: boolean) => <StepNav activeIndex={1} titles={titles} storyProgress={progress} onGo={() => {}} unseen={unseen} />;
    const { container, rerender } = render(view(false));
    expect(fillOf(container)).toBe('scaleX(0.25)');
    act(() => progress.set(0.4));
    expect(fillOf(container)).toBe('scaleX(0.4)');

    rerender(view(true));
    act(() => progress.set(0.6));
    act(() => progress.set(0.7));
    expect(fillOf(container), 'no write while a copy is what the reader sees').toBe('scaleX(0.4)');

    rerender(view(false));
    expect(fillOf(container)).toBe('scaleX(0.7)');
    act(() => progress.set(0.8));
    expect(fillOf(container)).toBe('scaleX(0.8)');
  });
});

describe('StepNav renders only when its own props change', () => {
  it('is skipped when the story’s chrome renders again for something else (the graphic’s deferred render, the fling watch)', () => {
    const progress = motionValue(0);
    const onGo = () => {};
    const view = (activeIndex: number) => <StepNav activeIndex={activeIndex} titles={titles} storyProgress={progress} onGo={onGo} />;
    const renders = vi.mocked(fillSlots);
    renders.mockClear();
    const { container, rerender } = render(view(0));
    expect(renders).toHaveBeenCalledTimes(1);

    rerender(view(0));
    rerender(view(0));
    expect(renders, 'same step, same props: not rendered again').toHaveBeenCalledTimes(1);

    rerender(view(1));
    expect(renders).toHaveBeenCalledTimes(2);
    expect(container.querySelector('.step-nav-status')?.textContent).toContain('Two');
  });
});
