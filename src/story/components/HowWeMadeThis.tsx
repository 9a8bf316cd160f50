import { content } from '../data/content.ts';
import { fill, storyFigures } from '../data/dataset.ts';
import { formatCount, formatIsoDate } from '../data/format.ts';
import { fillSlots } from '../data/tokens.ts';
import { PublicationDates } from './PublicationDates.tsx';

/** The story's figures: the same object the graphics' chart model is built on (data/storyFigures.ts). */
const { data, derived, candidate } = storyFigures;
const { results } = data;
const { sources, story } = content;
const copy = story.method;

/** Method, every source with its address, the known discrepancies and how we treated them, credits. */
export function HowWeMadeThis() {
  return (
    <section className="appendix-section" id="method" aria-labelledby="method-title">
      <h2 id="method-title">{copy.title}</h2>
      {copy.paragraphs.map((text, i) => (
        <p key={i}>{fill(text)}</p>
      ))}

      <h3 id="note-corrections">{copy.correctionsTitle}</h3>
      <ul>
        {results.corrections.map((c) => (
          <li key={`${c.areaCode}:${c.candidateId}`}>* {c.note}</li>
        ))}
      </ul>

      <h3 id="note-discrepancies">{copy.discrepanciesTitle}</h3>
      <ul>
        {results.discrepancies.map((d) => {
          const check = derived.areaSums.find((s) => s.candidateId === d.candidateId)!;
          return (
            <li key={`${d.areaCode}:${d.candidateId}`}>
              † {d.note}{' '}
              {fillSlots(copy.discrepancyCheck, {
                candidate: candidate(d.candidateId).name,
                areaSum: formatCount(check.areaSum),
                declared: formatCount(check.declared),
              })}
            </li>
          );
        })}
        {copy.notes.map((text, i) => (
          <li key={i}>{fill(text)}</li>
        ))}
      </ul>

      <h3 id="sources-title">{copy.sourcesTitle}</h3>
      <p>{copy.sourcesIntro}</p>
      <ol className="sources" aria-labelledby="sources-title">
        {sources.map((s) => {
          // The piece's own title is quoted; our description of it is not.
          const title = s.publishedTitle ? `“${s.title}”` : s.title;
          return (
            <li key={s.id} id={`source-${s.id}`} data-source={s.id} data-title-kind={s.publishedTitle ? 'published' : 'ours'}>
              <span className="source-publisher">{s.publisher}</span>
              {s.date && `, ${formatIsoDate(s.date, content.story.units.months)}`}:{' '}
              {/* Every source has its address: a build rule (sourcesLinked in rules.ts) fails without one. */}
              <a href={s.url} rel="noopener noreferrer" target="_blank">
                {title}
              </a>
            </li>
          );
        })}
      </ol>

      <h3>{copy.mapTitle}</h3>
      <p className="map-attribution">
        {story.mapAttribution.map((run, i) =>
          run.url ? (
            <a key={i} href={run.url} rel="noopener noreferrer" target="_blank">
              {run.text}
            </a>
          ) : (
            <span key={i}>{run.text}</span>
          ),
        )}
      </p>

      <h3>{copy.creditsTitle}</h3>
      <p className="credits">{fillSlots(story.credits, { newsroom: story.publication.newsroom })}</p>
      <PublicationDates />
    </section>
  );
}
