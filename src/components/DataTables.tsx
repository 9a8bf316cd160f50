import { candidate, dataset, derived } from '../data/dataset.ts';
import { formatCount, formatIsoDate, formatPercentFigure, formatPounds } from '../data/format.ts';

const { poll, fundraising, timeline } = dataset;

/** The data behind the poll, money and timeline charts, as tables. */
export function DataTables() {
  const { crowdfunder, unionDonations } = fundraising;
  return (
    <section className="appendix-section" id="chart-data" aria-labelledby="chart-data-title">
      <h2 id="chart-data-title">The data behind the charts</h2>

      <div className="table-scroll" role="region" aria-labelledby="poll-caption" tabIndex={0}>
        <table className="data-table" data-table="poll">
          <caption id="poll-caption">
            {poll.pollster} poll, fieldwork {formatIsoDate(poll.fieldworkStart)} to {formatIsoDate(poll.fieldworkEnd)}, published{' '}
            {formatIsoDate(poll.published)}, {formatCount(poll.sampleSize)} people in the North East. {poll.note}
          </caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col" className="num">
                Voting intention
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
          <caption id="money-caption">
            Driscoll's crowdfunder: totals as reported (launched {formatIsoDate(crowdfunder.launched)}; target {formatPounds(crowdfunder.targetPounds)} by the{' '}
            {crowdfunder.targetDeadline}), and union money
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Donors or donations</th>
            </tr>
          </thead>
          <tbody>
            {crowdfunder.milestones.map((mile) => (
              <tr key={mile.id}>
                <th scope="row">{mile.when}</th>
                <td className="num">
                  {mile.qualifier} {formatPounds(mile.amountPounds)}
                  {mile.offlinePounds !== undefined && ` online, plus ${formatPounds(mile.offlinePounds)} offline`}
                </td>
                <td>
                  {mile.donors !== undefined
                    ? `${mile.donorsQualifier ?? ''} ${formatCount(mile.donors)} ${mile.donorsUnit ?? 'donors'}`.trim()
                    : 'not reported'}
                </td>
              </tr>
            ))}
            {unionDonations.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.when}</th>
                <td className="num">{formatPounds(u.amountPounds)}</td>
                <td>{u.union} (donation)</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="table-scroll" role="region" aria-labelledby="timeline-caption" tabIndex={0}>
        <table className="data-table" data-table="timeline">
          <caption id="timeline-caption">Timeline</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Event</th>
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
