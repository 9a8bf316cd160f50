import { source } from '../data/content.ts';

/** The sources behind a step's claims, linking to their full entries in "How we made this". */
export function SourceRefs({ ids }: { ids: string[] }) {
  return (
    <p className="step-sources">
      Sources:{' '}
      {ids.map((id, i) => {
        const s = source(id);
        return (
          <span key={id}>
            {i > 0 && ', '}
            <a href={`#source-${id}`}>{s.publisher}</a>
          </span>
        );
      })}
    </p>
  );
}
