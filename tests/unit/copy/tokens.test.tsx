/**
 * Every field that accepts {{tokens}} is filled where it is shown. For each field in TOKEN_FIELDS,
 * the story is given a sentinel sentence with a token in that field, the component that shows the
 * field is rendered, and the sentence must come out with the computed figure in place.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TOKEN_FIELDS } from '../../../src/story/data/copyFields.ts';
import type { Story } from '../../../src/story/data/types.ts';

const SENTINEL = 'Sentinel {{majority}} check';
const FILLED = 'Sentinel 58,399 check';

type Field = (typeof TOKEN_FIELDS)[number];

/** Sets the field's first instance ("steps[].alt" -> steps[0].alt) on a copy of the story. */
function withSentinel(story: Story, field: Field): Story {
  const copy = structuredClone(story) as unknown as Record<string, unknown>;
  const keys = field.replace(/\[\]/g, '.0').split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys[keys.length - 1]] = SENTINEL;
  return copy as unknown as Story;
}

/** Renders what shows the field, with the story's content module replaced by one carrying the sentinel. */
async function renderField(field: Field): Promise<string> {
  vi.resetModules();
  const real = await vi.importActual<typeof import('../../../src/story/data/content.ts')>('../../../src/story/data/content.ts');
  const story = withSentinel(real.content.story, field);
  vi.doMock('../../../src/story/data/content.ts', () => ({ ...real, content: { ...real.content, story } }));
  const render = (el: ReactElement) => renderToStaticMarkup(el);
  if (field === 'meta.description') return (await import('../../../src/entry-server.tsx')).meta.description;
  if (field === 'standfirst') return render((await import('../../../src/story/components/Header.tsx')).Header());
  if (field.startsWith('steps[]')) {
    const { StepCard } = await import('../../../src/story/components/StepCard.tsx');
    const { storyChartModel } = await import('../../../src/story/graphics/storyChartModel.ts');
    return render(<StepCard step={story.steps[0]} index={0} total={story.steps.length} model={storyChartModel} />);
  }
  if (field.startsWith('tables.results.')) return render((await import('../../../src/story/components/ResultsTables.tsx')).ResultsTables());
  if (field.startsWith('tables.chartData.')) return render((await import('../../../src/story/components/DataTables.tsx')).DataTables());
  if (field.startsWith('method.')) return render((await import('../../../src/story/components/HowWeMadeThis.tsx')).HowWeMadeThis());
  throw new Error(`No renderer for token field ${field}: add one here when a field is added to TOKEN_FIELDS`);
}

afterEach(() => {
  vi.doUnmock('../../../src/story/data/content.ts');
  vi.resetModules();
});

describe('every token-bearing field is filled where it is shown', () => {
  // 20 s: the first case imports the whole page's modules afresh (3-5 s on a shared machine, near the default 5 s).
  it.each(TOKEN_FIELDS)(
    '%s',
    async (field) => {
      const html = await renderField(field);
      expect(html).toContain(FILLED);
      expect(html).not.toContain('{{');
    },
    20_000,
  );

  it('covers the standfirst, which once rendered its tokens raw', () => {
    expect(TOKEN_FIELDS).toContain('standfirst');
  });
});
