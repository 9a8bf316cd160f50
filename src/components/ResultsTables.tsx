import { content } from '../data/content.ts';
import { candidate, dataset, derived, fill } from '../data/dataset.ts';
import { formatCount, formatPercentFigure, formatPoints, formatShare } from '../data/format.ts';
import { fillSlots } from '../data/tokens.ts';

const { results, poll } = dataset;
const copy = content.story.tables.results;
/** Columns keep the region-wide finishing order, so each row reads like the result. */
const order = derived.results.map((r) => r.id);

function CandidateHeader({ id }: { id: string }) {
  const c = candidate(id);
  return (
    <th scope="col">
      <span className="swatch" data-colour={id} aria-hidden="true" />
      {c.surname} <span className="party">({c.partyShort})</span>
    </th>
  );
}

/** The full result, region-wide and council by council: every count the charts draw. */
export function ResultsTables() {
  const correctionsByCell = new Set(results.corrections.map((c) => `${c.areaCode}:${c.candidateId}`));
  const discrepancyByCell = new Set(results.discrepancies.map((d) => `${d.areaCode}:${d.candidateId}`));
  return (
    <section className="appendix-section" id="results" aria-labelledby="results-title" tabIndex={-1}>
      <h2 id="results-title">{copy.title}</h2>
      <p>{fill(copy.intro)}</p>
      <div className="table-scroll" role="region" aria-labelledby="totals-caption" tabIndex={0}>
        <table className="data-table" data-table="totals">
          <caption id="totals-caption">{fill(copy.totalsCaption)}</caption>
          <thead>
            <tr>
              <th scope="col">{copy.columns.candidate}</th>
              <th scope="col">{copy.columns.party}</th>
              <th scope="col" className="num">
                {copy.columns.votes}
              </th>
              <th scope="col" className="num">
                {copy.columns.share}
              </th>
              <th scope="col" className="num">
                {copy.columns.poll}
              </th>
            </tr>
          </thead>
          <tbody>
            {derived.results.map((r) => {
              const c = candidate(r.id);
              return (
                <tr key={r.id} data-candidate={r.id}>
                  <th scope="row">
                    <span className="swatch" data-colour={r.id} aria-hidden="true" />
                    {c.name}
                  </th>
                  <td>{c.party}</td>
                  <td className="num">{formatCount(r.votes)}</td>
                  <td className="num">{formatShare(r.share)}</td>
                  <td className="num">{formatPercentFigure(poll.sharesPercent[r.id])}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{copy.totalValid}</th>
              <td />
              <td className="num">{formatCount(derived.totalVotes)}</td>
              <td className="num">100%</td>
              <td />
            </tr>
            <tr>
              <th scope="row">{copy.majority}</th>
              <td>{fillSlots(copy.majorityBetween, { winner: candidate(derived.winnerId).surname, runnerUp: candidate(derived.runnerUpId).surname })}</td>
              <td className="num">{formatCount(derived.majority)}</td>
              <td />
              <td />
            </tr>
          </tfoot>
        </table>
      </div>

      <div className="table-scroll" role="region" aria-labelledby="areas-caption" tabIndex={0}>
        <table className="data-table" data-table="areas">
          <caption id="areas-caption">{copy.areasCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{copy.areaColumns.council}</th>
              {order.map((id) => (
                <CandidateHeader key={id} id={id} />
              ))}
              <th scope="col" className="num">
                {copy.areaColumns.total}
              </th>
              <th scope="col">{copy.areaColumns.winnerMargin}</th>
            </tr>
          </thead>
          <tbody>
            {derived.areas.map((a) => (
              <tr key={a.code} data-area={a.code}>
                <th scope="row">{a.name}</th>
                {order.map((id) => {
                  const cell = `${a.code}:${id}`;
                  const votes = a.ranked.find((r) => r.id === id)!.votes;
                  return (
                    <td key={id} className="num" data-candidate={id} data-votes={votes}>
                      {formatCount(votes)}
                      {correctionsByCell.has(cell) && (
                        <a href="#note-corrections" className="note-mark" aria-label={copy.correctionMark}>
                          *
                        </a>
                      )}
                      {discrepancyByCell.has(cell) && (
                        <a href="#note-discrepancies" className="note-mark" aria-label={copy.discrepancyMark}>
                          †
                        </a>
                      )}
                    </td>
                  );
                })}
                <td className="num">{formatCount(a.total)}</td>
                <td>
                  {fillSlots(copy.winnerMargin, {
                    winner: candidate(a.winnerId).surname,
                    votes: formatCount(a.marginVotes),
                    points: formatPoints(a.marginShare),
                    runnerUp: candidate(a.runnerUpId).surname,
                  })}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{copy.areaSum}</th>
              {order.map((id) => (
                <td key={id} className="num">
                  {formatCount(derived.areaSums.find((s) => s.candidateId === id)!.areaSum)}
                </td>
              ))}
              <td className="num">{formatCount(derived.areaSums.reduce((sum, s) => sum + s.areaSum, 0))}</td>
              <td />
            </tr>
            <tr>
              <th scope="row">{copy.declaredTotal}</th>
              {order.map((id) => (
                <td key={id} className="num">
                  {formatCount(results.declaredTotals[id])}
                </td>
              ))}
              <td className="num">{formatCount(derived.totalVotes)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
