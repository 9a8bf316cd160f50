import { content } from '../data/content.ts';
import { storyChartModel } from '../graphics/storyChartModel.ts';
import { DataTables } from './DataTables.tsx';
import { Guide } from './Guide.tsx';
import { Header } from './Header.tsx';
import { HowWeMadeThis } from './HowWeMadeThis.tsx';
import { STEP_MENTIONS } from './pageMentions.ts';
import { ResultsTables } from './ResultsTables.tsx';
import { StepCard } from './StepCard.tsx';

/** Where an island's own server HTML is spliced in; the browser hydrates only these. */
export function Island({ name }: { name: string }) {
  return <div className="island" data-island={name} dangerouslySetInnerHTML={{ __html: `<!--island:${name}-->` }} />;
}

/**
 * The whole page as static HTML: rendered once at build time and never re-rendered in the browser,
 * apart from the islands.
 */
export function StaticPage() {
  const { steps } = content.story;
  return (
    <main>
      <Header />
      <section className="scrolly" data-active-step="" aria-label={content.story.page.storyLabel}>
        <Island name="story" />
        <div className="steps">
          {steps.map((step, i) => (
            <StepCard key={step.id} step={step} index={i} total={steps.length} model={storyChartModel} mentions={STEP_MENTIONS[i]} />
          ))}
        </div>
      </section>
      <div className="appendix">
        <Guide />
        <ResultsTables />
        <DataTables />
        <HowWeMadeThis />
        <Island name="embed" />
      </div>
    </main>
  );
}
