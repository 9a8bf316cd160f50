/* eslint-disable jsx-a11y/no-redundant-roles, jsx-a11y/no-interactive-element-to-noninteractive-role -- The table roles are
   redundant only while the table is displayed as a table: on a narrow screen its rows become cards
   (appendix.css), and an engine that drops a re-displayed table's semantics keeps them from these. */
import { content, sourceLinkNames } from '../data/content.ts';
import { fill, storyFigures } from '../data/dataset.ts';
import { formatCount, formatIsoDate, formatPercentFigure, formatPounds } from '../data/format.ts';
import { fillSlots } from '../data/tokens.ts';
import { HeaderRow } from './TableParts.tsx';

/** The story's figures: the same object the graphics' chart model is built on (data/storyFigures.ts). */
const { data, derived, candidate } = storyFigures;
const { poll, fundraising, timeline } = data;
const copy = content.story.tables.chartData;

/** Links to a row's sources in "How we made this", named so no two in one cell read alike. */
function RowSources({ ids }: { ids: string[] }) {
  const names = sourceLinkNames(ids);
  return (
    <>
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && '; '}
          <a href={`#source-${id}`}>{names[i]}</a>
        </span>
      ))}
    </>
  );
}

/**
 * The data behind the poll, money and timeline charts, as tables. On a narrow screen each row
 * becomes a card whose cells show their column headers (`data-label`; see ResultsTables.tsx).
 */
export function DataTables() {
  const { crowdfunder, unionDonations } = fundraising;
  return (
    <section className="appendix-section" id="chart-data" aria-labelledby="chart-data-title">
      <h2 id="chart-data-title">{copy.title}</h2>

      <div className="table-scroll" data-cards="narrow" role="region" aria-labelledby="poll-caption" tabIndex={0}>
        <table className="data-table" data-table="poll" role="table">
          <caption id="poll-caption">
            {fill(copy.pollCaption)} {poll.note}
          </caption>
          <HeaderRow columns={[{ header: copy.pollColumns.candidate }, { header: copy.pollColumns.intention, num: true }]} />
          <tbody role="rowgroup">
            {derived.pollRanked.map((p) => (
              <tr key={p.id} role="row">
                <th scope="row" role="rowheader">
                  {candidate(p.id).name}
                </th>
                <td role="cell" className="num" data-label={copy.pollColumns.intention}>
                  {formatPercentFigure(p.percent)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="table-scroll" data-cards="medium" role="region" aria-labelledby="money-caption" tabIndex={0}>
        <table className="data-table" data-table="money" role="table">
          <caption id="money-caption">{fill(copy.moneyCaption)}</caption>
          <HeaderRow
            columns={[
              { header: copy.moneyColumns.when },
              { header: copy.moneyColumns.amount, num: true },
              { header: copy.moneyColumns.donors },
              { header: copy.moneyColumns.source },
            ]}
          />
          <tbody role="rowgroup">
            {crowdfunder.milestones.map((mile) => {
              const amount = `${mile.qualifier} ${formatPounds(mile.amountPounds)}`;
              return (
                <tr key={mile.id} role="row" data-milestone={mile.id}>
                  <th scope="row" role="rowheader">
                    {mile.when}
                  </th>
                  {/* The one long amount may wrap, so the table still fits a phone with its source column. */}
                  <td
                    role="cell"
                    className="num"
                    data-label={copy.moneyColumns.amount}
                    style={mile.offlinePounds === undefined ? undefined : { whiteSpace: 'normal' }}
                  >
                    {mile.offlinePounds === undefined ? amount : fillSlots(copy.offline, { online: amount, offline: formatPounds(mile.offlinePounds) })}
                  </td>
                  <td role="cell" data-label={copy.moneyColumns.donors}>
                    {mile.donors !== undefined ? [mile.donorsQualifier, formatCount(mile.donors), mile.donorsUnit].filter(Boolean).join(' ') : copy.notReported}
                  </td>
                  <td role="cell" data-label={copy.moneyColumns.source}>
                    <RowSources ids={mile.sourceIds} />
                  </td>
                </tr>
              );
            })}
            {unionDonations.map((u) => (
              <tr key={u.id} role="row" data-union={u.id}>
                <th scope="row" role="rowheader">
                  {u.when}
                </th>
                <td role="cell" className="num" data-label={copy.moneyColumns.amount}>
                  {formatPounds(u.amountPounds)}
                </td>
                <td role="cell" data-label={copy.moneyColumns.donors}>
                  {fillSlots(copy.unionDonation, { union: u.union })}
                </td>
                <td role="cell" data-label={copy.moneyColumns.source}>
                  <RowSources ids={u.sourceIds} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="table-scroll" data-cards="narrow" role="region" aria-labelledby="timeline-caption" tabIndex={0}>
        <table className="data-table" data-table="timeline" role="table">
          <caption id="timeline-caption">{copy.timelineCaption}</caption>
          <HeaderRow columns={[{ header: copy.timelineColumns.date }, { header: copy.timelineColumns.event }]} />
          <tbody role="rowgroup">
            {timeline.map((e) => (
              <tr key={e.id} role="row">
                <th scope="row" role="rowheader">
                  {formatIsoDate(e.date, content.story.units.months)}
                </th>
                <td role="cell" data-label={copy.timelineColumns.event}>
                  {e.label}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
