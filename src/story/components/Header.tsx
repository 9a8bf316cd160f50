import { content } from '../data/content.ts';
import { fill } from '../data/dataset.ts';
import { fillSlots } from '../data/tokens.ts';
import { GuideLink } from './Guide.tsx';
import { hyphenateHeading } from './hyphenate.ts';
import { STANDFIRST_MENTIONS } from './pageMentions.ts';
import { Prose } from './Prose.tsx';
import { PublicationDates } from './PublicationDates.tsx';

export function Header() {
  const { story } = content;
  return (
    <header className="masthead">
      <a className="skip-link" href="#results">
        {story.page.skipLink}
      </a>
      <p className="kicker">{story.kicker}</p>
      <h1>{hyphenateHeading(story.headline)}</h1>
      <Prose className="standfirst" text={fill(story.standfirst)} mentions={STANDFIRST_MENTIONS} />
      <p className="byline">{fillSlots(story.credits, { newsroom: story.publication.newsroom })}</p>
      <PublicationDates />
      <GuideLink />
      <p className="scroll-cue" aria-hidden="true">
        {story.page.scrollCue} <span className="scroll-cue-arrow">↓</span>
      </p>
    </header>
  );
}
