import { content } from '../data/content.ts';
import { formatIsoDate } from '../data/format.ts';

/** "Published 1 December 2026. Updated 6 December 2026.", with machine-readable dates. */
export function PublicationDates() {
  const { publication } = content.story;
  const [before, afterPublished] = publication.dates.split('{published}');
  const [between, after] = afterPublished.split('{updated}');
  return (
    <p className="publication-dates">
      {before}
      <time dateTime={publication.published}>{formatIsoDate(publication.published, content.story.units.months)}</time>
      {between}
      <time dateTime={publication.updated}>{formatIsoDate(publication.updated, content.story.units.months)}</time>
      {after}
    </p>
  );
}
