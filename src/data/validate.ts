/**
 * Build-time validation of data/. Every problem is reported as "<file>: <path>: <rule broken>", so an
 * editor can find the field without reading code. Pure: takes parsed JSON, returns problems.
 */
import { derive } from './derive.ts';
import { formatCount } from './format.ts';
import { parseGraphicState } from './graphicStates.ts';
import { COPY_SHAPE, isTokenField, slotsFor, storyTexts, type CopyShape } from './copyFields.ts';
import { findSlots, findTokens, hasMalformedToken, resolveToken } from './tokens.ts';
import { DATA_FILES, toDataset } from './files.ts';
import type { RawDataFiles } from './types.ts';

export { DATA_FILES, toDataset };

export interface Problem {
  file: string;
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.path}: ${p.message}`;
}

type Json = unknown;
type Obj = Record<string, Json>;

function show(value: Json): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isObject(v: Json): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for a real calendar date in YYYY-MM-DD, or YYYY / YYYY-MM when partial is allowed. */
export function isIsoDate(value: string, allowPartial: boolean): boolean {
  const m = (allowPartial ? PARTIAL_DATE : FULL_DATE).exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(Number(y), month - 1, Number(d)));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === Number(d);
}

/** Collects problems for one file while walking it; each check names the path it looked at. */
class FileChecker {
  constructor(
    readonly file: string,
    private readonly problems: Problem[],
  ) {}

  fail(path: string, message: string): void {
    this.problems.push({ file: this.file, path, message });
  }

  object(v: Json, path: string, fields: { required: string[]; optional?: string[] }, why = ''): v is Obj {
    if (!isObject(v)) {
      this.fail(path, `expected an object, got ${show(v)}`);
      return false;
    }
    for (const key of fields.required) if (!(key in v)) this.fail(path ? `${path}.${key}` : key, 'required field is missing');
    const known = new Set([...fields.required, ...(fields.optional ?? [])]);
    for (const key of Object.keys(v)) {
      if (!known.has(key)) this.fail(path ? `${path}.${key}` : key, `unknown field${why}`);
    }
    return true;
  }

  string(v: Json, path: string): v is string {
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(path, `expected a non-empty string, got ${show(v)}`);
      return false;
    }
    return true;
  }

  optionalString(v: Json, path: string): void {
    if (v !== undefined) this.string(v, path);
  }

  wholeNumber(v: Json, path: string): v is number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      this.fail(path, `expected a whole non-negative number, got ${show(v)}`);
      return false;
    }
    return true;
  }

  percent(v: Json, path: string): v is number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100) {
      this.fail(path, `expected a percentage from 0 to 100, got ${show(v)}`);
      return false;
    }
    return true;
  }

  date(v: Json, path: string, allowPartial = false): v is string {
    if (typeof v !== 'string' || !isIsoDate(v, allowPartial)) {
      this.fail(path, `expected a real date as ${allowPartial ? 'YYYY, YYYY-MM or YYYY-MM-DD' : 'YYYY-MM-DD'}, got ${show(v)}`);
      return false;
    }
    return true;
  }

  array(v: Json, path: string, nonEmpty = true): v is Json[] {
    if (!Array.isArray(v)) {
      this.fail(path, `expected a list, got ${show(v)}`);
      return false;
    }
    if (nonEmpty && v.length === 0) this.fail(path, 'expected at least one entry');
    return true;
  }

  oneOf(v: Json, path: string, allowed: readonly string[]): void {
    if (typeof v !== 'string' || !allowed.includes(v)) this.fail(path, `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${show(v)}`);
  }

  uniqueIds(items: Json[], path: string): Set<string> {
    const ids = new Set<string>();
    items.forEach((item, i) => {
      if (!isObject(item)) return;
      const id = item.id;
      if (typeof id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
        this.fail(`${path}[${i}].id`, `expected a lower-case id of letters, digits and hyphens, got ${show(id)}`);
      } else if (ids.has(id)) {
        this.fail(`${path}[${i}].id`, `duplicate id "${id}"`);
      } else ids.add(id);
    });
    return ids;
  }

  references(v: Json, path: string, known: Set<string>, what: string, nonEmpty = true): void {
    if (!this.array(v, path, nonEmpty)) return;
    v.forEach((ref, i) => {
      if (typeof ref !== 'string' || !known.has(ref)) this.fail(`${path}[${i}]`, `${what} ${show(ref)} does not exist`);
    });
  }

  votesByCandidate(v: Json, path: string, candidateIds: Set<string>, check: (x: Json, p: string) => boolean): void {
    if (!isObject(v)) {
      this.fail(path, `expected an object of candidate id to number, got ${show(v)}`);
      return;
    }
    for (const id of candidateIds) {
      if (!(id in v)) this.fail(`${path}.${id}`, 'required field is missing (every candidate needs a figure)');
    }
    for (const [id, value] of Object.entries(v)) {
      if (!candidateIds.has(id)) this.fail(`${path}.${id}`, `unknown candidate "${id}"`);
      else check(value, `${path}.${id}`);
    }
  }
}

const HEX = /^#[0-9a-f]{6}$/i;

/** Checks copy against its declared shape: every field present and a non-empty string (or list of them), nothing unknown. */
function checkCopy(c: FileChecker, v: Json, path: string, shape: CopyShape): void {
  if (shape === 'text') c.string(v, path);
  else if (shape === 'lines') {
    if (c.array(v, path)) v.forEach((line, i) => c.string(line, `${path}[${i}]`));
  } else if (shape === 'runs') {
    if (!c.array(v, path)) return;
    v.forEach((run, i) => {
      const p = `${path}[${i}]`;
      if (!c.object(run, p, { required: ['text'], optional: ['url'] })) return;
      c.string(run.text, `${p}.text`);
      checkUrl(c, run.url, `${p}.url`);
    });
  } else if (c.object(v, path, { required: Object.keys(shape) })) {
    for (const [key, sub] of Object.entries(shape)) if (key in v) checkCopy(c, v[key], `${path}.${key}`, sub);
  }
}

function checkUrl(c: FileChecker, v: Json, path: string): void {
  if (v === undefined) return;
  if (typeof v !== 'string' || !/^https?:\/\/[^\s]+$/.test(v)) {
    c.fail(path, `expected an http(s) address, got ${show(v)}`);
    return;
  }
  try {
    new URL(v);
  } catch {
    c.fail(path, `expected an http(s) address, got ${show(v)}`);
  }
}

/**
 * Validates all data files. Returns every problem found (empty when the dataset is good), so an
 * editor sees all mistakes in one build rather than one per build.
 */
export function validateDataset(files: RawDataFiles): Problem[] {
  const problems: Problem[] = [];
  const checker = (key: keyof typeof DATA_FILES) => new FileChecker(DATA_FILES[key], problems);

  for (const file of Object.values(DATA_FILES)) {
    if (!(file in files)) problems.push({ file, path: '(file)', message: 'file is missing' });
    else if (!isObject(files[file])) problems.push({ file, path: '(file)', message: `expected a JSON object, got ${show(files[file])}` });
  }
  if (problems.length) return problems;

  // Sources first: everything else cites them.
  const src = checker('sources');
  const sourcesFile = files[DATA_FILES.sources] as Obj;
  let sourceIds = new Set<string>();
  if (src.object(sourcesFile, '', { required: ['sources'] }) && src.array(sourcesFile.sources, 'sources')) {
    sourceIds = src.uniqueIds(sourcesFile.sources, 'sources');
    sourcesFile.sources.forEach((s, i) => {
      const p = `sources[${i}]`;
      if (!src.object(s, p, { required: ['id', 'publisher', 'title'], optional: ['date', 'url', 'publishedTitle'] })) return;
      src.string(s.publisher, `${p}.publisher`);
      src.string(s.title, `${p}.title`);
      if (s.publishedTitle !== undefined && typeof s.publishedTitle !== 'boolean')
        src.fail(`${p}.publishedTitle`, `expected true or false, got ${show(s.publishedTitle)}`);
      if (s.date !== undefined) src.date(s.date, `${p}.date`, true);
      checkUrl(src, s.url, `${p}.url`);
    });
  }

  const cand = checker('candidates');
  const candidatesFile = files[DATA_FILES.candidates] as Obj;
  let candidateIds = new Set<string>();
  if (cand.object(candidatesFile, '', { required: ['candidates'] }) && cand.array(candidatesFile.candidates, 'candidates')) {
    candidateIds = cand.uniqueIds(candidatesFile.candidates, 'candidates');
    candidatesFile.candidates.forEach((c, i) => {
      const p = `candidates[${i}]`;
      if (!cand.object(c, p, { required: ['id', 'name', 'surname', 'party', 'partyShort', 'colour', 'colourDark', 'sourceIds'] })) return;
      for (const f of ['name', 'surname', 'party', 'partyShort'] as const) cand.string(c[f], `${p}.${f}`);
      for (const f of ['colour', 'colourDark'] as const) {
        if (typeof c[f] !== 'string' || !HEX.test(c[f])) cand.fail(`${p}.${f}`, `expected a colour as #rrggbb, got ${show(c[f])}`);
      }
      cand.references(c.sourceIds, `${p}.sourceIds`, sourceIds, 'source');
    });
  }
  if (candidateIds.size < 2) {
    cand.fail('candidates', 'expected at least two candidates');
    return problems;
  }

  // Results: counts are typed in, everything derived from them is not.
  const res = checker('results');
  const resultsFile = files[DATA_FILES.results] as Obj;
  const computedNote = ' (shares, totals, margins and winners are computed from the counts, not typed in)';
  const areaCodes = new Set<string>();
  let resultsOk = false;
  if (res.object(resultsFile, '', { required: ['election', 'declaredTotals', 'areas', 'corrections', 'discrepancies'] }, computedNote)) {
    const e = resultsFile.election;
    if (res.object(e, 'election', { required: ['name', 'pollingDay', 'declarationDay', 'system', 'turnoutPercent', 'sourceIds'] }, computedNote)) {
      res.string(e.name, 'election.name');
      res.string(e.system, 'election.system');
      res.date(e.pollingDay, 'election.pollingDay');
      res.date(e.declarationDay, 'election.declarationDay');
      res.percent(e.turnoutPercent, 'election.turnoutPercent');
      res.references(e.sourceIds, 'election.sourceIds', sourceIds, 'source');
    }
    const before = problems.length;
    res.votesByCandidate(resultsFile.declaredTotals, 'declaredTotals', candidateIds, (v, p) => res.wholeNumber(v, p));
    if (res.array(resultsFile.areas, 'areas')) {
      resultsFile.areas.forEach((a, i) => {
        const p = `areas[${i}]`;
        if (!res.object(a, p, { required: ['code', 'name', 'group', 'votes', 'sourceIds'], optional: ['shortName', 'turnoutPercent'] }, computedNote)) return;
        if (typeof a.code !== 'string' || !/^E0\d{7}$/.test(a.code)) res.fail(`${p}.code`, `expected an ONS code such as "E08000021", got ${show(a.code)}`);
        else if (areaCodes.has(a.code)) res.fail(`${p}.code`, `duplicate area code "${a.code}"`);
        else areaCodes.add(a.code);
        res.string(a.name, `${p}.name`);
        res.optionalString(a.shortName, `${p}.shortName`);
        res.oneOf(a.group, `${p}.group`, ['north-of-tyne', 'lamb']);
        if (a.turnoutPercent !== undefined) res.percent(a.turnoutPercent, `${p}.turnoutPercent`);
        res.votesByCandidate(a.votes, `${p}.votes`, candidateIds, (v, vp) => res.wholeNumber(v, vp));
        res.references(a.sourceIds, `${p}.sourceIds`, sourceIds, 'source');
      });
    }
    const recorded = new Map<string, number>();
    if (res.array(resultsFile.discrepancies, 'discrepancies', false)) {
      resultsFile.discrepancies.forEach((d, i) => {
        const p = `discrepancies[${i}]`;
        if (!res.object(d, p, { required: ['areaCode', 'candidateId', 'difference', 'note', 'sourceIds'] })) return;
        if (typeof d.areaCode !== 'string' || !areaCodes.has(d.areaCode)) res.fail(`${p}.areaCode`, `area ${show(d.areaCode)} does not exist`);
        if (typeof d.candidateId !== 'string' || !candidateIds.has(d.candidateId))
          res.fail(`${p}.candidateId`, `candidate ${show(d.candidateId)} does not exist`);
        if (typeof d.difference !== 'number' || !Number.isInteger(d.difference) || d.difference === 0) {
          res.fail(`${p}.difference`, `expected a non-zero whole number of votes, got ${show(d.difference)}`);
        } else if (typeof d.candidateId === 'string') recorded.set(d.candidateId, (recorded.get(d.candidateId) ?? 0) + d.difference);
        res.string(d.note, `${p}.note`);
        res.references(d.sourceIds, `${p}.sourceIds`, sourceIds, 'source');
      });
    }
    if (res.array(resultsFile.corrections, 'corrections', false)) {
      resultsFile.corrections.forEach((c, i) => {
        const p = `corrections[${i}]`;
        if (!res.object(c, p, { required: ['areaCode', 'candidateId', 'printed', 'used', 'note', 'sourceIds'] })) return;
        res.string(c.printed, `${p}.printed`);
        res.string(c.note, `${p}.note`);
        res.references(c.sourceIds, `${p}.sourceIds`, sourceIds, 'source');
        if (!res.wholeNumber(c.used, `${p}.used`)) return;
        const area = (resultsFile.areas as Obj[]).find((a) => isObject(a) && a.code === c.areaCode);
        if (!area) res.fail(`${p}.areaCode`, `area ${show(c.areaCode)} does not exist`);
        else if (!isObject(area.votes) || area.votes[c.candidateId as string] !== c.used) {
          res.fail(
            `${p}.used`,
            `the correction says ${show(c.used)} but the area's count for ${show(c.candidateId)} is ${show(isObject(area.votes) ? area.votes[c.candidateId as string] : undefined)}`,
          );
        }
      });
    }
    resultsOk = problems.length === before;
    if (resultsOk) {
      const areas = resultsFile.areas as { code: string; votes: Record<string, number> }[];
      const totals = resultsFile.declaredTotals as Record<string, number>;
      for (const id of candidateIds) {
        const sum = areas.reduce((s, a) => s + a.votes[id], 0);
        const difference = sum - totals[id];
        const explained = recorded.get(id) ?? 0;
        if (difference !== explained) {
          const signed = (n: number) => `${n > 0 ? '+' : ''}${formatCount(n)}`;
          res.fail(
            `declaredTotals.${id}`,
            `the seven area counts add up to ${formatCount(sum)} but the declared total is ${formatCount(totals[id])} (difference ${signed(difference)}); ` +
              (explained ? `the discrepancies recorded for "${id}" account for ${signed(explained)}` : `no discrepancy is recorded for "${id}"`),
          );
        }
      }
    }
  }

  const pol = checker('poll');
  const pollFile = files[DATA_FILES.poll] as Obj;
  if (pol.object(pollFile, '', { required: ['poll'] })) {
    const p = pollFile.poll;
    if (
      pol.object(
        p,
        'poll',
        { required: ['pollster', 'fieldworkStart', 'fieldworkEnd', 'published', 'sampleSize', 'sharesPercent', 'note', 'sourceIds'] },
        ' (the lead is computed from the shares)',
      )
    ) {
      pol.string(p.pollster, 'poll.pollster');
      pol.string(p.note, 'poll.note');
      const okStart = pol.date(p.fieldworkStart, 'poll.fieldworkStart');
      const okEnd = pol.date(p.fieldworkEnd, 'poll.fieldworkEnd');
      const okPub = pol.date(p.published, 'poll.published');
      if (okStart && okEnd && String(p.fieldworkStart) > String(p.fieldworkEnd)) pol.fail('poll.fieldworkEnd', 'fieldwork ends before it starts');
      if (okEnd && okPub && String(p.fieldworkEnd) > String(p.published)) pol.fail('poll.published', 'published before fieldwork ended');
      pol.wholeNumber(p.sampleSize, 'poll.sampleSize');
      pol.votesByCandidate(p.sharesPercent, 'poll.sharesPercent', candidateIds, (v, vp) => pol.percent(v, vp));
      pol.references(p.sourceIds, 'poll.sourceIds', sourceIds, 'source');
    }
  }

  const fund = checker('fundraising');
  const fundFile = files[DATA_FILES.fundraising] as Obj;
  const milestoneIds = new Set<string>();
  if (fund.object(fundFile, '', { required: ['crowdfunder', 'unionDonations'] })) {
    const c = fundFile.crowdfunder;
    if (fund.object(c, 'crowdfunder', { required: ['launched', 'targetPounds', 'targetDeadline', 'fullCampaignCostPounds', 'sourceIds', 'milestones'] })) {
      fund.date(c.launched, 'crowdfunder.launched');
      fund.wholeNumber(c.targetPounds, 'crowdfunder.targetPounds');
      fund.string(c.targetDeadline, 'crowdfunder.targetDeadline');
      fund.wholeNumber(c.fullCampaignCostPounds, 'crowdfunder.fullCampaignCostPounds');
      fund.references(c.sourceIds, 'crowdfunder.sourceIds', sourceIds, 'source');
      if (fund.array(c.milestones, 'crowdfunder.milestones')) {
        fund.uniqueIds(c.milestones, 'crowdfunder.milestones').forEach((id) => milestoneIds.add(id));
        let previous = -1;
        c.milestones.forEach((m, i) => {
          const p = `crowdfunder.milestones[${i}]`;
          if (
            !fund.object(m, p, {
              required: ['id', 'when', 'amountPounds', 'qualifier', 'sourceIds'],
              optional: ['donors', 'donorsQualifier', 'donorsUnit', 'offlinePounds'],
            })
          )
            return;
          fund.string(m.when, `${p}.when`);
          if (fund.wholeNumber(m.amountPounds, `${p}.amountPounds`)) {
            // Reported totals only grow; a smaller one later means the list is out of order.
            if (m.amountPounds < previous)
              fund.fail(
                `${p}.amountPounds`,
                `milestones must be in the order reported, and a running total cannot fall (${show(m.amountPounds)} after ${show(previous)})`,
              );
            previous = m.amountPounds;
          }
          fund.oneOf(m.qualifier, `${p}.qualifier`, ['past', 'more than', 'about']);
          if (m.donors !== undefined) fund.wholeNumber(m.donors, `${p}.donors`);
          if (m.donorsQualifier !== undefined) fund.oneOf(m.donorsQualifier, `${p}.donorsQualifier`, ['about', 'more than']);
          if (m.donorsUnit !== undefined) fund.oneOf(m.donorsUnit, `${p}.donorsUnit`, ['donors', 'donations']);
          if (m.offlinePounds !== undefined) fund.wholeNumber(m.offlinePounds, `${p}.offlinePounds`);
          fund.references(m.sourceIds, `${p}.sourceIds`, sourceIds, 'source');
        });
      }
    }
    if (fund.array(fundFile.unionDonations, 'unionDonations', false)) {
      fund.uniqueIds(fundFile.unionDonations, 'unionDonations');
      fundFile.unionDonations.forEach((u, i) => {
        const p = `unionDonations[${i}]`;
        if (!fund.object(u, p, { required: ['id', 'union', 'unionFullName', 'amountPounds', 'when', 'labourAffiliated', 'expelledFromLabour', 'sourceIds'] }))
          return;
        fund.string(u.union, `${p}.union`);
        fund.string(u.unionFullName, `${p}.unionFullName`);
        fund.wholeNumber(u.amountPounds, `${p}.amountPounds`);
        fund.string(u.when, `${p}.when`);
        if (typeof u.labourAffiliated !== 'boolean') fund.fail(`${p}.labourAffiliated`, `expected true or false, got ${show(u.labourAffiliated)}`);
        fund.date(u.expelledFromLabour, `${p}.expelledFromLabour`, true);
        fund.references(u.sourceIds, `${p}.sourceIds`, sourceIds, 'source');
      });
    }
  }

  const tl = checker('timeline');
  const timelineFile = files[DATA_FILES.timeline] as Obj;
  let eventIds: string[] = [];
  if (tl.object(timelineFile, '', { required: ['events'] }) && tl.array(timelineFile.events, 'events')) {
    eventIds = [...tl.uniqueIds(timelineFile.events, 'events')];
    let previousDate = '';
    timelineFile.events.forEach((e, i) => {
      const p = `events[${i}]`;
      if (!tl.object(e, p, { required: ['id', 'date', 'label', 'shortLabel', 'sourceIds'] })) return;
      tl.string(e.label, `${p}.label`);
      tl.string(e.shortLabel, `${p}.shortLabel`);
      tl.references(e.sourceIds, `${p}.sourceIds`, sourceIds, 'source');
      if (tl.date(e.date, `${p}.date`)) {
        if (e.date < previousDate) tl.fail(`${p}.date`, `events must be in date order, but ${e.date} comes after ${previousDate}`);
        previousDate = e.date;
      }
    });
  }

  const qt = checker('quotes');
  const quotesFile = files[DATA_FILES.quotes] as Obj;
  let quoteIds = new Set<string>();
  if (qt.object(quotesFile, '', { required: ['quotes'] }) && qt.array(quotesFile.quotes, 'quotes')) {
    quoteIds = qt.uniqueIds(quotesFile.quotes, 'quotes');
    quotesFile.quotes.forEach((q, i) => {
      const p = `quotes[${i}]`;
      if (!qt.object(q, p, { required: ['id', 'speaker', 'context', 'date', 'text', 'sourceIds'] })) return;
      qt.string(q.speaker, `${p}.speaker`);
      qt.string(q.context, `${p}.context`);
      qt.string(q.text, `${p}.text`);
      qt.date(q.date, `${p}.date`, true);
      qt.references(q.sourceIds, `${p}.sourceIds`, sourceIds, 'source');
    });
  }

  const topo = checker('councils');
  const topoFile = files[DATA_FILES.councils] as Obj;
  const geometries = (topoFile.objects as Obj | undefined)?.councils as Obj | undefined;
  if (topoFile.type !== 'Topology' || !isObject(geometries) || !Array.isArray(geometries.geometries)) {
    topo.fail('objects.councils', 'expected a TopoJSON Topology with a "councils" GeometryCollection');
  } else if (areaCodes.size) {
    const mapCodes = new Set((geometries.geometries as Obj[]).map((g) => String(g.id)));
    for (const code of areaCodes) if (!mapCodes.has(code)) topo.fail('objects.councils.geometries', `no boundary for area "${code}" from data/results.json`);
    for (const code of mapCodes) if (!areaCodes.has(code)) topo.fail('objects.councils.geometries', `boundary "${code}" has no area in data/results.json`);
  }

  const st = checker('story');
  const storyFile = files[DATA_FILES.story] as Obj;
  const storyOk = st.object(storyFile, '', { required: ['meta', 'headline', 'standfirst', 'credits', 'steps', ...Object.keys(COPY_SHAPE)] });
  if (storyOk) {
    for (const [key, shape] of Object.entries(COPY_SHAPE)) if (key in storyFile) checkCopy(st, storyFile[key], key, shape);
    if (st.object(storyFile.meta, 'meta', { required: ['title', 'description', 'shareImage', 'shareImageAlt'] })) {
      for (const f of ['title', 'description', 'shareImage', 'shareImageAlt']) st.string((storyFile.meta as Obj)[f], `meta.${f}`);
    }
    st.string(storyFile.headline, 'headline');
    st.string(storyFile.standfirst, 'standfirst');
    st.string(storyFile.credits, 'credits');
    if (st.array(storyFile.steps, 'steps')) {
      st.uniqueIds(storyFile.steps, 'steps');
      storyFile.steps.forEach((s, i) => {
        const p = `steps[${i}]`;
        if (!st.object(s, p, { required: ['id', 'title', 'paragraphs', 'graphic', 'quoteIds', 'alt', 'sourceIds'] })) return;
        st.string(s.title, `${p}.title`);
        st.string(s.alt, `${p}.alt`);
        if (st.array(s.paragraphs, `${p}.paragraphs`)) s.paragraphs.forEach((t, j) => st.string(t, `${p}.paragraphs[${j}]`));
        if (typeof s.graphic !== 'string' || !parseGraphicState(s.graphic, eventIds)) {
          st.fail(
            `${p}.graphic`,
            `unknown graphic state ${show(s.graphic)}; expected "map:…", "timeline:<event id>", "money:…", "bars:…" or "areas:…" (see src/data/graphicStates.ts)`,
          );
        }
        st.references(s.quoteIds, `${p}.quoteIds`, quoteIds, 'quote', false);
        st.references(s.sourceIds, `${p}.sourceIds`, sourceIds, 'source');
      });
    }
  }

  // Tokens need the whole dataset to resolve, so they are checked last and only on an otherwise clean dataset.
  if (problems.length === 0 && storyOk) {
    const dataset = toDataset(files);
    const derived = derive(dataset);
    for (const [path, text] of storyTexts(dataset.story)) {
      const tokens = findTokens(text);
      if (!isTokenField(path)) {
        // A token here would be shown raw: only the fields in TOKEN_FIELDS are filled.
        if (tokens.length || text.includes('{{')) st.fail(path, 'this field does not take {{tokens}} (see TOKEN_FIELDS in src/data/copyFields.ts)');
      } else {
        if (hasMalformedToken(text)) st.fail(path, 'malformed {{token}}: use {{name}} or {{name:argument}} in lower case');
        for (const use of tokens) {
          if (resolveToken(use, dataset, derived) === undefined) st.fail(path, `unknown token ${use.token}`);
        }
      }
      const allowed = slotsFor(path) ?? [];
      for (const slot of findSlots(text)) {
        if (!allowed.includes(slot))
          st.fail(
            path,
            allowed.length
              ? `unknown slot {${slot}}; this field takes ${allowed.map((a) => `{${a}}`).join(', ')}`
              : `this field does not take {slots}, got {${slot}}`,
          );
      }
    }
  }
  return problems;
}
