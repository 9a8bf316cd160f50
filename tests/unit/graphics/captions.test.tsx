// @vitest-environment jsdom
/**
 * Every graphic state shows, from data/, its title, its "what to see" line and a source line naming
 * its sources by their short names: in the sticky graphic (LiveGraphic) and in the step's static copy.
 */
import { cleanup, render } from '@testing-library/react';
import { motionValue } from 'framer-motion';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import sources from '../../../data/sources.json';
import story from '../../../data/story.json';
import { StepCard } from '../../../src/story/components/StepCard.tsx';
import { content } from '../../../src/story/data/content.ts';
import { derived, fill } from '../../../src/story/data/dataset.ts';
import { formatCount, formatShare } from '../../../src/story/data/format.ts';
import { LiveGraphic } from '../../../src/story/graphics/LiveGraphic.tsx';
import { storyChartModel } from '../../../src/story/graphics/storyChartModel.ts';

afterEach(cleanup);

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** What data/ says the caption of a step's graphic must read. */
function expected(step: (typeof story.steps)[number]) {
  const names = step.chart.sourceIds.map((id) => {
    const s = sources.sources.find((x) => x.id === id)!;
    return 'shortName' in s && s.shortName ? s.shortName : s.publisher;
  });
  return { title: fill(step.chart.title), reading: fill(step.chart.reading), names: [...new Set(names)] };
}

function caption(root: Element) {
  const part = (name: string) => text(root.querySelector(`[data-graphic-caption="${name}"]`));
  return { title: part('title'), reading: part('reading'), source: part('source') };
}

describe('graphic captions', () => {
  it.each(story.steps.map((s) => [s.id, s] as const))('%s: the sticky graphic shows its title, reading and sources', (_id, step) => {
    const { container } = render(<LiveGraphic stateId={step.graphic} progress={motionValue(1)} />);
    const want = expected(step);
    const got = caption(container);
    expect(got.title).toBe(want.title);
    expect(got.reading).toBe(want.reading);
    expect(got.title + got.reading).not.toContain('{{');
    const label = want.names.length === 1 ? story.page.chartSource.one : story.page.chartSource.many;
    expect(got.source).toBe(label.replace('{names}', want.names.join(', ')));
    // Above the chart, then the chart's element, then the source line.
    const order = [...container.querySelectorAll('[data-graphic-caption="head"], .graphic-chart, [data-graphic-caption="source"]')].map((e) => e.className);
    expect(order).toEqual(['graphic-head', 'graphic-chart', 'graphic-source']);
  });

  it.each(story.steps.map((s, i) => [s.id, i] as const))('%s: the static copy in the step shows the same caption, hidden from screen readers', (_id, i) => {
    const step = content.story.steps[i];
    const html = renderToStaticMarkup(<StepCard step={step} index={i} total={story.steps.length} model={storyChartModel} />);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const copy = doc.querySelector('.step-static-graphic')!;
    expect(copy.getAttribute('aria-hidden')).toBe('true');
    const live = render(<LiveGraphic stateId={step.graphic} progress={motionValue(1)} />);
    expect(caption(copy)).toEqual(caption(live.container));
  });

  it('the sticky graphic holds the room of every state’s caption, unseen, so its chart box is the same at every step', () => {
    const { container } = render(<LiveGraphic stateId="bars:result" progress={motionValue(1)} />);
    const others = story.steps.filter((s) => s.graphic !== 'bars:result').map(expected);
    // In the caption's own cell: the head and foot lay them in one grid area (graphics.css).
    const ghostTitles = [...container.querySelectorAll('.graphic-head .graphic-caption-ghost .graphic-title')].map(text);
    const ghostSources = container.querySelectorAll('.graphic-foot .graphic-source.graphic-caption-ghost');
    expect(ghostTitles.sort()).toEqual(others.map((o) => o.title).sort());
    expect(ghostSources).toHaveLength(others.length);
    // Only the shown caption is a caption: tests, tools and the deep-link copy find it alone.
    for (const part of ['title', 'reading', 'source']) expect(container.querySelectorAll(`[data-graphic-caption="${part}"]`)).toHaveLength(1);
    expect(container.querySelector('.graphic-caption-ghost [data-graphic-caption]')).toBeNull();
  });

  it('a static copy in the step holds no other caption (it is as tall as its own)', () => {
    const html = renderToStaticMarkup(<StepCard step={content.story.steps[0]} index={0} total={story.steps.length} model={storyChartModel} />);
    expect(html).not.toContain('graphic-caption-ghost');
  });

  it('reads the result and the poll from the computed figures', () => {
    const result = caption(render(<LiveGraphic stateId="bars:result" progress={motionValue(1)} />).container);
    expect(result.reading).toContain(formatCount(derived.majority));
    for (const id of ['mcguinness', 'driscoll']) expect(result.reading).toContain(formatShare(derived.results.find((r) => r.id === id)!.share));
    cleanup();
    const poll = caption(render(<LiveGraphic stateId="bars:poll" progress={motionValue(1)} />).container);
    expect(poll.title).toContain('More in Common');
    expect(poll.reading).toMatch(/35%.*33%/);
  });

  it('draws no second title inside the bars or money charts', () => {
    for (const state of ['bars:poll', 'bars:result', 'money:crowdfund']) {
      const html = renderToStaticMarkup(<StepCard step={content.story.steps.find((s) => s.graphic === state)!} index={0} total={1} model={storyChartModel} />);
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const title = text(doc.querySelector('[data-graphic-caption="title"]'));
      expect(text(doc.querySelector('.step-static-graphic svg'))).not.toContain(title);
    }
  });
});
