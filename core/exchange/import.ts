import { importOutcome, mergeInto, type ImportOutcome, type MergeResult, type NoteStates } from '../notes/merge';
import { noteStateSchema, type NoteState } from '../notes/state';
import { ImportError, parseUntrustedJson } from './safe-json';
import { decodeW3c, isW3c } from './w3c';
import { decodeWatchwordsJson, describe, isWatchwordsJson, type DecodedFile, type Rejected } from './watchwords-json';

/**
 * The one import path: parse → validate every note → dry-run report → apply. Formats: Watchwords JSON (every
 * version) and W3C Web Annotation. A file that cannot be read at all throws an ImportError with one sentence;
 * notes that cannot be read are listed, each with its reason, and the rest can still be imported.
 */

/** Parses and validates a file's text; throws ImportError for a file that is unusable as a whole. */
export function readImportFile(text: string): DecodedFile {
  const value = parseUntrustedJson(text);
  let decoded: DecodedFile;
  try {
    if (isWatchwordsJson(value)) decoded = decodeWatchwordsJson(value);
    else if (isW3c(value)) decoded = decodeW3c(value);
    else throw new Error('This file is neither a Watchwords export nor W3C Web Annotations.');
  } catch (error) {
    throw error instanceof ImportError ? error : new ImportError(describe(error));
  }
  // Every state is checked once more whatever format it came from (web addresses only, sizes, stamps).
  const states: NoteState[] = [];
  const rejected: Rejected[] = [...decoded.rejected];
  const seen = new Set<string>();
  decoded.states.forEach((state, i) => {
    const checked = noteStateSchema.safeParse(state);
    if (!checked.success) rejected.push({ index: i + 1, id: state.id, reason: describe(checked.error) });
    else if (seen.has(state.id)) rejected.push({ index: i + 1, id: state.id, reason: 'the same note appears twice in the file' });
    else {
      seen.add(state.id);
      states.push(checked.data);
    }
  });
  return { ...decoded, states, rejected: rejected.sort((a, b) => a.index - b.index) };
}

export interface ImportReport {
  format: DecodedFile['format'];
  version: number;
  counts: Record<ImportOutcome, number> & { rejected: number };
  /** Each note's outcome, by id. */
  outcomes: Map<string, ImportOutcome>;
  rejected: Rejected[];
}

/** What importing would do to `states`, without changing them. */
export function planImport(file: DecodedFile, states: Pick<NoteStates, 'get'>): ImportReport {
  const counts = { added: 0, updated: 0, unchanged: 0, 'older-skipped': 0, conflicting: 0, rejected: file.rejected.length };
  const outcomes = new Map<string, ImportOutcome>();
  for (const state of file.states) {
    const outcome = importOutcome(states.get(state.id), state);
    counts[outcome]++;
    outcomes.set(state.id, outcome);
  }
  return { format: file.format, version: file.version, counts, outcomes, rejected: file.rejected };
}

/** Merges the file's notes into `states` (the caller wraps this in one transaction). */
export function applyImport(file: DecodedFile, states: NoteStates): MergeResult {
  return mergeInto(states, file.states);
}

/** The report in one line, in plain words. */
export function summariseImport({ counts }: ImportReport): string {
  const parts = [
    [counts.added, 'new'],
    [counts.updated, 'updated'],
    [counts.conflicting, 'changed here and in the file (both texts kept)'],
    [counts.unchanged, 'already here'],
    [counts['older-skipped'], 'older than here (skipped)'],
    [counts.rejected, 'not readable (skipped)'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return said.length ? `${said.join(', ')}.` : 'The file holds no notes.';
}
