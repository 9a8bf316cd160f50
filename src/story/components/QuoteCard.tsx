import { formatIsoDate } from '../data/format.ts';
import { content, quote, sourceLinkNames } from '../data/content.ts';

/** A direct quote, exactly as published, with who said it, when, and where we read it. */
export function QuoteCard({ id }: { id: string }) {
  const q = quote(id);
  const names = sourceLinkNames(q.sourceIds);
  return (
    <figure className="quote-card" data-quote={q.id}>
      <blockquote>
        <p>{q.text}</p>
      </blockquote>
      <figcaption>
        <span className="quote-speaker">{q.speaker}</span>, {q.context}, {formatIsoDate(q.date, content.story.units.months)}
        <span className="quote-source">
          {' '}
          ({content.story.page.quoteSource}{' '}
          {q.sourceIds.map((id, i) => (
            <span key={id}>
              {i > 0 && '; '}
              <a href={`#source-${id}`}>{names[i]}</a>
            </span>
          ))}
          )
        </span>
      </figcaption>
    </figure>
  );
}
