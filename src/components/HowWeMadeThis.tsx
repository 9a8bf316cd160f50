import { content } from '../data/content.ts';
import { candidate, dataset, derived } from '../data/dataset.ts';
import { formatCount, formatIsoDate } from '../data/format.ts';

const { results } = dataset;
const { sources, story } = content;

/** Method, every source with its address, the known discrepancies and how we treated them, credits. */
export function HowWeMadeThis() {
  return (
    <section className="appendix-section" id="method" aria-labelledby="method-title">
      <h2 id="method-title">How we made this</h2>
      <p>
        Every figure on this page comes from the published sources below. Vote counts are as published; shares, totals, margins and the winner of each council
        count are worked out from them. Where sources differ we say so here.
      </p>

      <h3 id="note-corrections">Corrected figures</h3>
      <ul>
        {results.corrections.map((c) => (
          <li key={`${c.areaCode}:${c.candidateId}`}>* {c.note}</li>
        ))}
      </ul>

      <h3 id="note-discrepancies">Known discrepancies</h3>
      <ul>
        {results.discrepancies.map((d) => {
          const check = derived.areaSums.find((s) => s.candidateId === d.candidateId)!;
          return (
            <li key={`${d.areaCode}:${d.candidateId}`}>
              † {d.note} ({candidate(d.candidateId).name}: the areas add up to {formatCount(check.areaSum)}; the declared total is {formatCount(check.declared)}
              .)
            </li>
          );
        })}
        <li>
          Which count was closest depends on the measure: by votes it was {derived.closestByVotes.label} ({formatCount(derived.closestByVotes.marginVotes)}); by
          share it was {derived.closestByShare.label}. We give both.
        </li>
        <li>Official figures for the electorate and rejected ballots were not in any source we could check, so we do not show them.</li>
      </ul>

      <h3>Sources</h3>
      <ol className="sources">
        {sources.map((s) => (
          <li key={s.id} id={`source-${s.id}`} data-source={s.id}>
            <span className="source-publisher">{s.publisher}</span>
            {s.date && `, ${formatIsoDate(s.date)}`}:{' '}
            {s.url ? (
              <a href={s.url} rel="noopener noreferrer" target="_blank">
                {s.title}
              </a>
            ) : (
              s.title
            )}
            {!s.url && ' (no public link we could verify)'}
          </li>
        ))}
      </ol>

      <h3>Map</h3>
      <p className="map-attribution">
        Contains National Statistics data © Crown copyright and database right 2014. Contains OS data © Crown copyright and database right 2014. Adapted from
        Office for National Statistics boundaries, licensed under the{' '}
        <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="noopener noreferrer" target="_blank">
          Open Government Licence v3.0
        </a>
        . Boundary files via Martin Chorley's{' '}
        <a href="https://github.com/martinjc/UK-GeoJSON" rel="noopener noreferrer" target="_blank">
          UK-GeoJSON
        </a>
        , simplified by us.
      </p>

      <h3>Credits</h3>
      <p>{story.credits}</p>
    </section>
  );
}
