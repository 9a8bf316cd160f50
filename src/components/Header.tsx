import { content } from '../data/content.ts';

export function Header() {
  const { story } = content;
  return (
    <header className="masthead">
      <a className="skip-link" href="#results">
        Skip to the results
      </a>
      <p className="kicker">North East mayoral election 2024</p>
      <h1>{story.headline}</h1>
      <p className="standfirst">{story.standfirst}</p>
      <p className="scroll-cue" aria-hidden="true">
        Scroll to begin <span className="scroll-cue-arrow">↓</span>
      </p>
    </header>
  );
}
