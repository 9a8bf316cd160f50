import { motionValue } from 'framer-motion';
import { chartCaption } from '../data/captions.ts';
import { content } from '../data/content.ts';
import { fill } from '../data/dataset.ts';
import { fillSlots } from '../data/tokens.ts';
import type { Mention } from '../data/mentions.ts';
import type { Step } from '../data/types.ts';
import type { ChartModel } from '../graphics/chartModel.ts';
import { Graphic } from '../graphics/Graphic.tsx';
import { GraphicCaption } from '../graphics/GraphicCaption.tsx';
import { GuideLink } from './Guide.tsx';
import { hyphenateHeading } from './hyphenate.ts';
import { Prose } from './Prose.tsx';
import { QuoteCard } from './QuoteCard.tsx';
import { SourceRefs } from './SourceRefs.tsx';

/** Static graphics (stacked layout, print, no JavaScript) show each state complete. */
const COMPLETE = motionValue(1);

interface StepCardProps {
  step: Step;
  index: number;
  total: number;
  /** What the static copy of the graphic draws: the story's chart model. */
  model: ChartModel;
  /** Per paragraph, the first mentions it links to the guide (none when the card is shown alone). */
  mentions?: Mention[][];
}

/**
 * One step of the story: its text, quotes and sources, a written description of the graphic, and
 * a static copy of the graphic that only the stacked layout shows.
 */
export function StepCard({ step, index, total, model, mentions }: StepCardProps) {
  const headingId = `${step.id}-title`;
  return (
    <section className="step" id={step.id} data-step={step.id} data-graphic-state={step.graphic} aria-labelledby={headingId} tabIndex={-1}>
      <div className="step-card">
        <p className="step-count">{fillSlots(content.story.page.stepCount, { step: String(index + 1), steps: String(total) })}</p>
        <h2 id={headingId}>{hyphenateHeading(step.title)}</h2>
        {step.paragraphs.map((text, i) => (
          <Prose key={i} text={fill(text)} mentions={mentions?.[i] ?? []} />
        ))}
        {step.quoteIds.map((id) => (
          <QuoteCard key={id} id={id} />
        ))}
        <p className="graphic-description visually-hidden">
          {content.story.page.graphicDescription} {fill(step.alt)}
        </p>
        <SourceRefs ids={step.sourceIds} />
        <GuideLink />
      </div>
      <div className="step-static-graphic" aria-hidden="true" data-static-graphic-state={step.graphic}>
        <GraphicCaption caption={chartCaption(step.chart, content.sources, content.story.page, fill)} fill={false}>
          <Graphic stateId={step.graphic} progress={COMPLETE} model={model} />
        </GraphicCaption>
      </div>
    </section>
  );
}
