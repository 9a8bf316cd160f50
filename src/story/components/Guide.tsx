import { content, sourceLinkNames } from '../data/content.ts';
import type { GuideEntry } from '../data/types.ts';

const { guide } = content.story;

function Entries({ entries }: { entries: GuideEntry[] }) {
  return (
    <dl className="guide-list">
      {entries.map((e) => {
        const names = sourceLinkNames(e.sourceIds);
        return (
          <div key={e.id} className="guide-entry" id={`guide-${e.id}`} data-guide={e.id}>
            <dt>{e.term}</dt>
            <dd>
              {e.definition}{' '}
              <span className="guide-sources">
                ({content.story.page.stepSources}{' '}
                {e.sourceIds.map((id, i) => (
                  <span key={id}>
                    {i > 0 && '; '}
                    <a href={`#source-${id}`}>{names[i]}</a>
                  </span>
                ))}
                )
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/**
 * "Who's who" and "How the vote works": the people and terms the story names, each an anchor that
 * the first mention in the steps links to (mentions.ts), and that every step's guide link opens.
 */
export function Guide() {
  return (
    <section className="appendix-section guide" id="guide" aria-labelledby="guide-title" tabIndex={-1}>
      <h2 id="guide-title">{guide.title}</h2>
      <p>{guide.intro}</p>
      <h3 id="guide-people">{guide.people.title}</h3>
      <Entries entries={guide.people.entries} />
      <h3 id="guide-process">{guide.process.title}</h3>
      <Entries entries={guide.process.entries} />
    </section>
  );
}

/** The link to the guide, under each step and in the header. */
export function GuideLink() {
  return (
    <p className="guide-link">
      <a href="#guide">{guide.openLink}</a>
    </p>
  );
}
