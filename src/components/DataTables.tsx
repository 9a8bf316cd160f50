import { content, sourceLinkNames } from '../data/content.ts';
import { candidate, dataset, derived, fill } from '../data/dataset.ts';
import { formatCount, formatIsoDate, formatPercentFigure, formatPounds } from '../data/format.ts';
import { fillSlots } from '../data/tokens.ts';

const { poll, fundraising, timeline } = dataset;
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

/** The data behind the poll, money and timeline charts, as tables. */
export function DataTables() {
  const { crowdfunder, unionDonations } = fundraising;
  return (
    <section className="appendix-section" id="chart-data" aria-labelledby="chart-data-title">
      <h2 id="chart-data-title">{copy.title}</h2>

      <div className="table-scroll" role="region" aria-labelledby="poll-caption" tabIndex={0}>
        <table className="data-table" data-table="poll">
          <caption id="poll-caption">
            {fill(copy.pollCaption)} {poll.note}
          </caption>
          <thead>
            <tr>
              <th scope="col">{copy.pollColumns.candidate}</th>
              <th scope="col" className="num">
                {copy.pollColumns.intention}
              </th>
            </tr>
          </thead>
          <tbody>
            {derived.pollRanked.map((p) => (
              <tr key={p.id}>
                <th scope="row">{candidate(p.id).name}</th>
                <td className="num">{formatPercentFigure(p.percent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="table-scroll" role="region" aria-labelledby="money-caption" tabIndex={0}>
        <table className="data-table" data-table="money">
          <caption id="money-caption">{fill(copy.moneyCaption)}</caption>
          <thead>
            <tr>
              <th scope="col">{copy.moneyColumns.when}</th>
              <th scope="col" className="num">
                {copy.moneyColumns.amount}
              </th>
              <th scope="col">{copy.moneyColumns.donors}</th>
              <th scope="col">{copy.moneyColumns.source}</th>
            </tr>
          </thead>
          <tbody>
            {crowdfunder.milestones.map((mile) => {
              const amount = `${mile.qualifier} ${formatPounds(mile.amountPounds)}`;
              return (
                <tr key={mile.id} data-milestone={mile.id}>
                  <th scope="row">{mile.when}</th>
                  {/* The one long amount may wrap, so the table still fits a phone with its source column. */}
                  <td className="num" style={mile.offlinePounds === undefined ? undefined : { whiteSpace: 'normal' }}>
                    {mile.offlinePounds === undefined ? amount : fillSlots(copy.offline, { online: amount, offline: formatPounds(mile.offlinePounds) })}
                  </td>
                  <td>
                    {mile.donors !== undefined ? [mile.donorsQualifier, formatCount(mile.donors), mile.donorsUnit].filter(Boolean).join(' ') : copy.notReported}
                  </td>
                  <td>
                    <RowSources ids={mile.sourceIds} />
                  </td>
                </tr>
              );
            })}
            {unionDonations.map((u) => (
              <tr key={u.id} data-union={u.id}>
                <th scope="row">{u.when}</th>
                <td className="num">{formatPounds(u.amountPounds)}</td>
                <td>{fillSlots(copy.unionDonation, { union: u.union })}</td>
                <td>
                  <RowSources ids={u.sourceIds} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="table-scroll" role="region" aria-labelledby="timeline-caption" tabIndex={0}>
        <table className="data-table" data-table="timeline">
          <caption id="timeline-caption">{copy.timelineCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{copy.timelineColumns.date}</th>
              <th scope="col">{copy.timelineColumns.event}</th>
            </tr>
          </thead>
          <tbody>
            {timeline.map((e) => (
              <tr key={e.id}>
                <th scope="row">{formatIsoDate(e.date)}</th>
                <td>{e.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
