// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { motionValue } from 'framer-motion';
import { afterEach, describe, expect, it } from 'vitest';
import { StepNav } from '../../../src/story/components/StepNav.tsx';

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
