import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { datasetLookup } from '../core/exchange/dataset-lookup';
import { readImportFile } from '../core/exchange/import';
import { markdownDocument, markdownFiles } from '../core/exchange/markdown';
import { exportFormat } from '../core/exchange/registry';
import { ImportError, maxImportBytes } from '../core/exchange/safe-json';
import type { ExportInput } from '../core/exchange/types';
import { mapStates, mergeInto } from '../core/notes/merge';
import type { NoteState } from '../core/notes/state';
import { readDataset } from './dataset-files';

/**
 * `npm run --silent notes -- validate FILE | convert --to w3c|markdown|csv FILE [--out DIR] | merge FILE...`
 * The same code as the extension's export and import (core/exchange). Exit 0 on success, 1 when a file is not
 * valid (one line saying why), 2 when the command itself is wrong. Never a stack trace.
 */

const usage = 'usage: notes validate FILE | notes convert --to w3c|markdown|csv FILE [--out DIR] | notes merge FILE...';

class UsageError extends Error {}

function readNotesFile(path: string) {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new ImportError(`${path}: no such file`);
  }
  if (size > maxImportBytes) throw new ImportError(`${path}: too large to import (over ${maxImportBytes / 1024 / 1024} MB)`);
  try {
    return readImportFile(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ImportError(`${path}: ${(error as Error).message}`);
  }
}

function input(states: NoteState[]): ExportInput {
  return { states, now: new Date(), ...datasetLookup(readDataset()) };
}

function run(args: string[], out: (text: string) => void): number {
  const [command, ...rest] = args;
  if (command === 'validate') {
    if (rest.length !== 1) throw new UsageError(usage);
    const file = readNotesFile(rest[0]!);
    if (file.rejected.length) {
      const [first] = file.rejected;
      const more = file.rejected.length > 1 ? ` (and ${file.rejected.length - 1} more)` : '';
      throw new ImportError(`${rest[0]}: note ${first!.index}${first!.id ? ` (${first!.id})` : ''} is not valid: ${first!.reason}${more}`);
    }
    out(`${rest[0]}: valid, ${file.states.length} notes (${file.format === 'w3c' ? 'W3C Web Annotation' : `Watchwords JSON version ${file.version}`})\n`);
    return 0;
  }
  if (command === 'convert') {
    let to: string | undefined;
    let outDir: string | undefined;
    const files: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '--to') to = rest[++i];
      else if (rest[i] === '--out') outDir = rest[++i];
      else files.push(rest[i]!);
    }
    if (files.length !== 1 || !to || !['w3c', 'markdown', 'csv'].includes(to) || (rest.includes('--out') && !outDir)) throw new UsageError(usage);
    const exported = input(readNotesFile(files[0]!).states);
    if (to === 'markdown') {
      if (!outDir) return out(markdownDocument(exported)), 0;
      for (const file of markdownFiles(exported)) {
        const path = join(outDir, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.text);
      }
      return 0;
    }
    const file = exportFormat(to as 'w3c' | 'csv').export(exported);
    if (!outDir) return out(file.data as string), 0;
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, file.name), file.data);
    return 0;
  }
  if (command === 'merge') {
    if (rest.length < 1) throw new UsageError(usage);
    const states = mapStates();
    for (const path of rest) mergeInto(states, readNotesFile(path).states);
    out(exportFormat('watchwords-json').export(input([...states.map.values()])).data as string);
    return 0;
  }
  throw new UsageError(usage);
}

function main(): void {
  let code: number;
  try {
    code = run(process.argv.slice(2), (text) => process.stdout.write(text));
  } catch (error) {
    const line = error instanceof UsageError || error instanceof ImportError ? error.message : `notes: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`${line.split('\n')[0]}\n`);
    code = error instanceof UsageError ? 2 : 1;
  }
  process.exitCode = code;
}

main();
