import { entrySchema, relationNames, type Entry } from './schema';

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
 * Validates raw entry files (one object per file, named `<id>.json`) and checks the dataset as a whole:
 * unique ids, file names equal to ids, and relations that resolve. Throws a DatasetError listing every problem.
 */
export function buildDataset(files: { file: string; data: unknown }[]): Entry[] {
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
