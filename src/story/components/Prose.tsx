import type { Mention } from '../data/mentions.ts';

/** A paragraph of story copy, with its first mentions linked to their entries in the guide. */
export function Prose({ text, mentions, className }: { text: string; mentions: Mention[]; className?: string }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of mentions) {
    parts.push(text.slice(at, m.start));
    parts.push(
      <a key={m.entryId} className="guide-mention" href={`#guide-${m.entryId}`} data-guide-mention={m.entryId}>
        {text.slice(m.start, m.end)}
      </a>,
    );
    at = m.end;
  }
  parts.push(text.slice(at));
  return <p className={className}>{parts}</p>;
}
