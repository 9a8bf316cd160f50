import { content, sourceLinkNames } from '../data/content.ts';

/** The sources behind a step's claims, linking to their full entries in "How we made this". */
export function SourceRefs({ ids }: { ids: string[] }) {
  const names = sourceLinkNames(ids);
  return (
    <p className="step-sources">
      {content.story.page.stepSources}{' '}
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && '; '}
          <a href={`#source-${id}`}>{names[i]}</a>
        </span>
      ))}
    </p>
  );
}
