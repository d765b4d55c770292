import { hasStatus } from './kinds';
import { entrySchema, relationNames, supportablePaths, type Entry, type EntryWithStatus } from './schema';

export interface DatasetProblem {
  file: string;
  message: string;
}

export class DatasetError extends Error {
  constructor(readonly problems: DatasetProblem[]) {
    super(`The dataset has ${problems.length} problem(s):\n${problems.map((p) => `  ${p.file}: ${p.message}`).join('\n')}`);
  }
}

/**
 * The fields an entry states as fact, each of which a source must back: the summary, every fact, the status, the
 * latest development and the earlier ones, and every relation but `related` (a "see also" link the card offers, which states nothing).
 * Flags ("generic", "topLevel") say what an entry is, and the name and aliases how it is matched: not facts.
 */
export function statedFields(entry: Entry): string[] {
  const flags = new Set(['generic', 'topLevel']);
  const facts = Object.entries(entry.facts as Record<string, unknown>)
    .filter(([key, value]) => value !== undefined && !flags.has(key))
    .map(([key]) => `facts.${key}`);
  const relations = Object.entries(entry.relations as Record<string, unknown>)
    .filter(([name, ids]) => name !== 'related' && Array.isArray(ids) && ids.length > 0)
    .map(([name]) => `relations.${name}`);
  return ['summary', ...facts, ...(hasStatus(entry.kind) ? ['status'] : []), ...(entry.latest ? ['latest'] : []), ...(entry.earlier ? ['earlier'] : []), ...relations];
}

/** A line of an entry that a source dates: its status, its latest development or one of the earlier ones. */
export interface DatedLine {
  field: 'status' | 'latest' | 'earlier';
  /** Where it is in the entry: "status", "latest", "earlier.2". */
  path: string;
  date: string;
  source: string;
}

/** The entry's dated lines, newest development first after the status. */
export function datedLines(entry: Entry): DatedLine[] {
  const status = hasStatus(entry.kind) ? (entry as EntryWithStatus).status : undefined;
  const lines: DatedLine[] = [];
  if (status) lines.push({ field: 'status', path: 'status', date: status.date, source: status.source });
  if (entry.latest) lines.push({ field: 'latest', path: 'latest', date: entry.latest.date, source: entry.latest.source });
  (entry.earlier ?? []).forEach((item, index) => lines.push({ field: 'earlier', path: `earlier.${index}`, date: item.date, source: item.source }));
  return lines;
}

/**
 * What the schema cannot see in one entry: every source supports fields the entry has; every stated field (above)
 * is backed by a source that says so; status, latest and each earlier development cite one of the entry's own
 * sources; earlier developments follow a latest one, newest first, none after it; a bill in committee is dated by
 * its first referral. Returns messages ("field: problem"), empty when the entry is consistent.
 */
export function entryProblems(entry: Entry): string[] {
  const problems: string[] = [];
  const allowed = new Set(supportablePaths(entry.kind));
  const supported = new Set<string>();
  entry.sources.forEach((source, index) => {
    for (const path of source.supports) {
      if (!allowed.has(path)) problems.push(`sources.${index}.supports: "${path}" is not a field a ${entry.kind} entry can have`);
      supported.add(path);
    }
  });
  const status = hasStatus(entry.kind) ? (entry as EntryWithStatus).status : undefined;
  if (entry.kind === 'bill' && status?.stage === 'in-committee' && entry.facts.introduced && status.date !== entry.facts.introduced) {
    problems.push(`status.date: a bill in committee is dated by its first referral, the day it was introduced (${entry.facts.introduced}); later committee steps go in status.text`);
  }
  if (entry.earlier) {
    if (!entry.latest) problems.push('earlier: earlier developments need a latest one; the newest goes in latest');
    // Two dates compare to the precision of the less precise one: "2026-02" may be before or after "2026-02-24".
    const after = (date: string, than: string) => {
      const length = Math.min(date.length, than.length);
      return date.slice(0, length) > than.slice(0, length);
    };
    entry.earlier.forEach((item, index) => {
      const newer = index === 0 ? entry.latest?.date : entry.earlier![index - 1]!.date;
      if (newer !== undefined && after(item.date, newer)) {
        problems.push(`earlier.${index}.date: ${item.date} is after ${newer}; list the latest development first, then earlier ones newest first`);
      }
    });
  }
  for (const path of statedFields(entry)) {
    if (!supported.has(path)) problems.push(`${path}: no source lists "${path}" in its supports`);
  }
  for (const { field, source: url } of datedLines(entry)) {
    const source = entry.sources.find((s) => s.url === url);
    if (!source) problems.push(`${field}.source: ${url} is not one of this entry's sources`);
    else if (!source.supports.includes(field)) problems.push(`${field}.source: ${url} does not list "${field}" in its supports`);
  }
  const urls = entry.sources.map((source) => source.url);
  for (const url of new Set(urls.filter((u, i) => urls.indexOf(u) !== i))) problems.push(`sources: ${url} is listed twice`);
  return problems;
}

/**
 * Validates raw entry files (one object per file, named `<id>.json`) and checks the dataset as a whole:
 * each entry consistent (`entryProblems`), unique ids, file names equal to ids, and relations that resolve. Throws a
 * DatasetError listing every problem. `check` adds rules of its own for each valid entry (the sourcing rule).
 */
export function buildDataset(files: { file: string; data: unknown }[], options: { check?: (entry: Entry) => string[] } = {}): Entry[] {
  const problems: DatasetProblem[] = [];
  const entries: Entry[] = [];
  const fileOf = new Map<string, string>();
  for (const { file, data } of files) {
    const parsed = entrySchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ file, message: `${issue.path.join('.') || '(entry)'}: ${issue.message}` });
      continue;
    }
    const entry = parsed.data;
    for (const message of [...entryProblems(entry), ...(options.check?.(entry) ?? [])]) problems.push({ file, message });
    const base = file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
    if (base !== entry.id) problems.push({ file, message: `file name must be ${entry.id}.json` });
    const other = fileOf.get(entry.id);
    if (other) problems.push({ file, message: `id ${entry.id} is also used by ${other}` });
    fileOf.set(entry.id, file);
    entries.push(entry);
  }
  for (const entry of entries) {
    for (const relation of relationNames) {
      for (const target of entry.relations[relation] ?? []) {
        if (!fileOf.has(target)) problems.push({ file: fileOf.get(entry.id)!, message: `relations.${relation}: no entry with id ${target}` });
      }
    }
  }
  if (problems.length) throw new DatasetError(problems);
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}
