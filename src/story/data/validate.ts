/**
 * Turns the parsed JSON of data/ into the typed model, or into the list of everything wrong with it.
 * Every problem reads "<file>: <path>: <rule broken>, got <value>", so an editor can find the field
 * without reading code. Each file is checked against its schema (schema.ts); once all have the right
 * shape, the cross-file rules (rules.ts) run over the model. Pure: takes parsed JSON, reads no files.
 */
import type { z } from 'zod';
import { DATA_FILES, show, type Problem } from './files.ts';
import { COMPUTED_RULES, REFERENCE_RULES } from './rules.ts';
import { FILE_SCHEMAS, type DataFileKey } from './schema.ts';
import type { DataModel } from './types.ts';

export { formatProblem, type Problem } from './files.ts';
export { isIsoDate } from './schema.ts';

export type ValidationResult = { ok: true; model: DataModel } | { ok: false; problems: Problem[] };

/** "areas[3].votes.king" from ["areas", 3, "votes", "king"]. */
function pathText(path: readonly PropertyKey[]): string {
  const text = path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
  return text || '(file)';
}

/** The value at a path in the raw JSON, and whether the last key is there at all. */
function lookup(root: unknown, path: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let value = root;
  for (const part of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return { present: false, value: undefined };
    value = Reflect.get(value, part);
  }
  return { present: true, value };
}

/** Words for the few checks a schema leaves to zod's defaults (the rules in schema.ts carry their own). */
function plainRule(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') return `expected ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  return undefined;
}

/** One problem per schema issue (one per field for unknown fields), with the value the editor typed. */
function describeIssues(file: string, raw: unknown, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ file, path: pathText([...issue.path, key]), message: issue.message }));
    }
    const { present, value } = lookup(raw, issue.path);
    if (!present) return [{ file, path: pathText(issue.path), message: 'required field is missing' }];
    // A rule about a list's length is not helped by printing the whole list.
    const aboutLength = issue.code === 'too_small' && issue.origin === 'array';
    return [{ file, path: pathText(issue.path), message: aboutLength ? issue.message : `${issue.message}, got ${show(value)}` }];
  });
}

/**
 * Validates all data files, given as parsed JSON keyed by their path ("data/results.json"). Returns
 * the model, or every problem found, so an editor sees all the mistakes of a kind in one build.
 */
export function validateDataset(files: Record<string, unknown>): ValidationResult {
  const missing = Object.values(DATA_FILES).filter((path) => !(path in files));
  if (missing.length) return { ok: false, problems: missing.map((file) => ({ file, path: '(file)', message: 'file is missing' })) };

  const problems: Problem[] = [];
  function parse<T>(key: DataFileKey, schema: z.ZodType<T>): T | undefined {
    const raw = files[DATA_FILES[key]];
    const result = schema.safeParse(raw, { error: plainRule });
    if (result.success) return result.data;
    problems.push(...describeIssues(DATA_FILES[key], raw, result.error.issues));
    return undefined;
  }
  const sources = parse('sources', FILE_SCHEMAS.sources);
  const candidates = parse('candidates', FILE_SCHEMAS.candidates);
  const results = parse('results', FILE_SCHEMAS.results);
  const poll = parse('poll', FILE_SCHEMAS.poll);
  const fundraising = parse('fundraising', FILE_SCHEMAS.fundraising);
  const timeline = parse('timeline', FILE_SCHEMAS.timeline);
  const quotes = parse('quotes', FILE_SCHEMAS.quotes);
  const story = parse('story', FILE_SCHEMAS.story);
  const councils = parse('councils', FILE_SCHEMAS.councils);
  if (!sources || !candidates || !results || !poll || !fundraising || !timeline || !quotes || !story || !councils) return { ok: false, problems };

  // The "$schema" pointers are for editors' tools; the model carries only content.
  const { $schema: _results, ...resultsContent } = results;
  const { $schema: _fundraising, ...fundraisingContent } = fundraising;
  const { $schema: _story, ...storyContent } = story;
  const model: DataModel = {
    sources: sources.sources,
    candidates: candidates.candidates,
    results: resultsContent,
    poll: poll.poll,
    fundraising: fundraisingContent,
    timeline: timeline.events,
    quotes: quotes.quotes,
    story: storyContent,
    councils,
  };

  for (const rule of REFERENCE_RULES) problems.push(...rule(model));
  if (!problems.length) for (const rule of COMPUTED_RULES) problems.push(...rule(model));
  return problems.length ? { ok: false, problems } : { ok: true, model };
}
