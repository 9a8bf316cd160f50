/* eslint-disable jsx-a11y/no-redundant-roles, jsx-a11y/no-interactive-element-to-noninteractive-role -- The table roles are
   redundant only while the table is displayed as a table: on a narrow screen its rows become cards
   (appendix.css), and an engine that drops a re-displayed table's semantics keeps them from these. */
import { content } from '../data/content.ts';
import { fill, storyFigures } from '../data/dataset.ts';
import { formatCount, formatPercentFigure, formatPoints, formatShare } from '../data/format.ts';
import { fillSlots } from '../data/tokens.ts';
import { HeaderRow } from './TableParts.tsx';

/** The story's figures: the same object the graphics' chart model is built on (data/storyFigures.ts). */
const { data, derived, candidate } = storyFigures;
const { results, poll } = data;
const copy = content.story.tables.results;
/** Columns keep the region-wide finishing order, so each row reads like the result. */
const order = derived.results.map((r) => r.id);

/** A candidate's column header as plain text: what a narrow screen's row card shows beside each count. */
const candidateLabel = (id: string) => `${candidate(id).surname} (${candidate(id).partyShort})`;

/** A candidate's column header: a colour key, the surname and the party. */
function CandidateHeader({ id }: { id: string }) {
  const c = candidate(id);
  return (
    <>
      <span className="swatch" data-colour={id} aria-hidden="true" />
      {c.surname} <span className="party">({c.partyShort})</span>
    </>
  );
}

/**
 * The full result, region-wide and council by council: every count the charts draw.
 *
 * On a narrow screen each row becomes a card (appendix.css): every cell shows its column header
 * from `data-label`, which is the header's own text. The explicit table roles keep the table a
 * table for screen readers when CSS changes its display (WebKit drops a table's semantics then).
 */
export function ResultsTables() {
  const correctionsByCell = new Set(results.corrections.map((c) => `${c.areaCode}:${c.candidateId}`));
  const discrepancyByCell = new Set(results.discrepancies.map((d) => `${d.areaCode}:${d.candidateId}`));
  return (
    <section className="appendix-section" id="results" aria-labelledby="results-title" tabIndex={-1}>
      <h2 id="results-title">{copy.title}</h2>
      <p>{fill(copy.intro)}</p>
      <div className="table-scroll" data-cards="medium" role="region" aria-labelledby="totals-caption" tabIndex={0}>
        <table className="data-table" data-table="totals" role="table">
          <caption id="totals-caption">{fill(copy.totalsCaption)}</caption>
          <HeaderRow
            columns={[
              { header: copy.columns.candidate },
              { header: copy.columns.party },
              { header: copy.columns.votes, num: true },
              { header: copy.columns.share, num: true },
              { header: copy.columns.poll, num: true },
            ]}
          />
          <tbody role="rowgroup">
            {derived.results.map((r) => {
              const c = candidate(r.id);
              return (
                <tr key={r.id} role="row" data-candidate={r.id}>
                  <th scope="row" role="rowheader">
                    <span className="swatch" data-colour={r.id} aria-hidden="true" />
                    {c.name}
                  </th>
                  <td role="cell" data-label={copy.columns.party}>
                    {c.party}
                  </td>
                  <td role="cell" className="num" data-label={copy.columns.votes}>
                    {formatCount(r.votes)}
                  </td>
                  <td role="cell" className="num" data-label={copy.columns.share}>
                    {formatShare(r.share)}
                  </td>
                  <td role="cell" className="num" data-label={copy.columns.poll}>
                    {formatPercentFigure(poll.sharesPercent[r.id])}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot role="rowgroup">
            <tr role="row">
              <th scope="row" role="rowheader">
                {copy.totalValid}
              </th>
              <td role="cell" />
              <td role="cell" className="num" data-label={copy.columns.votes}>
                {formatCount(derived.totalVotes)}
              </td>
              <td role="cell" className="num" data-label={copy.columns.share}>
                100%
              </td>
              <td role="cell" />
            </tr>
            <tr role="row">
              <th scope="row" role="rowheader">
                {copy.majority}
              </th>
              {/* Sits under "Party" in the table, but is no party: its card shows it without that label. */}
              <td role="cell">
                {fillSlots(copy.majorityBetween, { winner: candidate(derived.winnerId).surname, runnerUp: candidate(derived.runnerUpId).surname })}
              </td>
              <td role="cell" className="num" data-label={copy.columns.votes}>
                {formatCount(derived.majority)}
              </td>
              <td role="cell" />
              <td role="cell" />
            </tr>
          </tfoot>
        </table>
      </div>

      <div className="table-scroll" data-cards="wide" role="region" aria-labelledby="areas-caption" tabIndex={0}>
        <table className="data-table" data-table="areas" role="table">
          <caption id="areas-caption">{copy.areasCaption}</caption>
          <HeaderRow
            columns={[
              { header: copy.areaColumns.council },
              ...order.map((id) => ({ header: <CandidateHeader id={id} /> })),
              { header: copy.areaColumns.total, num: true },
              { header: copy.areaColumns.winnerMargin },
            ]}
          />
          <tbody role="rowgroup">
            {derived.areas.map((a) => (
              <tr key={a.code} role="row" data-area={a.code}>
                <th scope="row" role="rowheader">
                  {a.name}
                </th>
                {order.map((id) => {
                  const cell = `${a.code}:${id}`;
                  const votes = a.ranked.find((r) => r.id === id)!.votes;
                  return (
                    <td key={id} role="cell" className="num" data-label={candidateLabel(id)} data-candidate={id} data-votes={votes}>
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
                <td role="cell" className="num" data-label={copy.areaColumns.total}>
                  {formatCount(a.total)}
                </td>
                <td role="cell" data-label={copy.areaColumns.winnerMargin}>
                  {fillSlots(copy.winnerMargin, {
                    winner: candidate(a.winnerId).surname,
                    votes: formatCount(a.marginVotes),
                    points: formatPoints(a.marginShare, content.story.units),
                    runnerUp: candidate(a.runnerUpId).surname,
                  })}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot role="rowgroup">
            <tr role="row">
              <th scope="row" role="rowheader">
                {copy.areaSum}
              </th>
              {order.map((id) => (
                <td key={id} role="cell" className="num" data-label={candidateLabel(id)}>
                  {formatCount(derived.areaSums.find((s) => s.candidateId === id)!.areaSum)}
                </td>
              ))}
              <td role="cell" className="num" data-label={copy.areaColumns.total}>
                {formatCount(derived.areaSums.reduce((sum, s) => sum + s.areaSum, 0))}
              </td>
              <td role="cell" />
            </tr>
            <tr role="row">
              <th scope="row" role="rowheader">
                {copy.declaredTotal}
              </th>
              {order.map((id) => (
                <td key={id} role="cell" className="num" data-label={candidateLabel(id)}>
                  {formatCount(results.declaredTotals[id])}
                </td>
              ))}
              <td role="cell" className="num" data-label={copy.areaColumns.total}>
                {formatCount(derived.totalVotes)}
              </td>
              <td role="cell" />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
