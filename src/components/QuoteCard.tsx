import { formatIsoDate } from '../data/format.ts';
import { quote, source } from '../data/content.ts';

/** A direct quote, exactly as published, with who said it, when, and where we read it. */
export function QuoteCard({ id }: { id: string }) {
  const q = quote(id);
  const cited = q.sourceIds.map(source);
  return (
    <figure className="quote-card" data-quote={q.id}>
      <blockquote>
        <p>{q.text}</p>
      </blockquote>
      <figcaption>
        <span className="quote-speaker">{q.speaker}</span>, {q.context}, {formatIsoDate(q.date)}
        <span className="quote-source">
          {' '}
          (Source:{' '}
          {cited.map((s, i) => (
            <span key={s.id}>
              {i > 0 && '; '}
              <a href={`#source-${s.id}`}>{s.publisher}</a>
            </span>
          ))}
          )
        </span>
      </figcaption>
    </figure>
  );
}
