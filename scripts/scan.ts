// The `scan` CLI: prints the mentions Watchwords finds in text or HTML files, as one JSON document.
//   npm run --silent scan -- FILE...     npm run --silent scan -- --list
//   npm run --silent scan -- --pack PACK.json [--pack OTHER.json] FILE...   (a newsroom's own list, docs/packs.md)
// Text files are read as a stream and scanned paragraph by paragraph, and the JSON is written as it is found, so
// memory stays about the size of the longest paragraph however large the files (an HTML file is parsed whole).
// Pieces of 64 KB, read and written: larger strings go to V8's large-object space, which only a full collection
// frees, and a 100 MB corpus in 1 MB pieces left some 70 MB of them behind before one came.
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { DatasetError } from '../core/dataset/dataset';
import { isPrimary } from '../core/dataset/schema';
import { aliasTexts } from '../core/dataset/terms';
import type { Entry } from '../core/dataset/schema';
import { createMatcher, DocumentMemory, type Matcher, type Mention } from '../core/matcher/matcher';
import { parsePack, planImport } from '../core/watchlist/pack';
import { composeDataset, type RuntimeEntry, type RuntimeLayer } from '../core/watchlist/runtime';
import { readDataset } from './dataset-files';
import { documentText } from './document-text';
import { lastParagraphCut } from './paragraph-cut';

const usage = 'usage: npm run --silent scan -- [--pack PACK.json]... FILE... | [--pack PACK.json]... --list   (FILE: .txt or .html)';

function fail(message: string): never {
  process.stderr.write(`scan: ${message}\n`);
  process.exit(2);
}

/** Reads `--pack FILE` options (repeatable) off the arguments: each pack is checked and joins as at import. */
function takePacks(args: string[], bundled: readonly Entry[]): { rest: string[]; packs: RuntimeEntry[] } {
  const rest: string[] = [];
  const layers: RuntimeLayer[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--pack') {
      rest.push(args[i]!);
      continue;
    }
    const path = args[++i];
    if (path === undefined) fail(`--pack needs a file\n${usage}`);
    const parsed = parsePack(readText(path));
    if (!parsed.ok) fail(`${path}: ${parsed.error}`);
    const { meta } = parsed.pack;
    if (layers.some((layer) => layer.owner.by === 'pack' && layer.owner.packId === meta.id)) fail(`${path}: another pack given has the id ${meta.id}`);
    const { report, entries } = planImport(parsed.pack, composeDataset(bundled, layers).index);
    for (const { entry, reason } of report.rejected) process.stderr.write(`scan: ${path}: left out ${entry}: ${reason}\n`);
    layers.push({ owner: { by: 'pack', packId: meta.id, packName: meta.name, author: meta.author, date: meta.date }, entries });
  }
  return { rest, packs: composeDataset(bundled, layers).entries };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
  }
}

const isHtml = (path: string) => /\.x?html?$/i.test(path);

/** Refuses what cannot be scanned, before anything is printed: a missing file, a directory, a binary file. */
function check(path: string): void {
  try {
    if (statSync(path).isDirectory()) fail(`cannot read ${path}: is a directory`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  // As git and grep tell: a NUL byte near the start means binary (UTF-16 text too, which is not read either).
  const head = Buffer.alloc(8000);
  const file = openSync(path, 'r');
  const read = readSync(file, head, 0, head.length, 0);
  closeSync(file);
  if (head.subarray(0, read).includes(0)) fail(`cannot scan ${path}: a binary file, not text or HTML`);
}

/** Writes to stdout in large pieces, waiting when the pipe is full. */
class Output {
  private parts: string[] = [];
  private size = 0;

  async write(part: string): Promise<void> {
    this.parts.push(part);
    this.size += part.length;
    if (this.size >= 1 << 16) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.parts.length) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

/** Scans a text file as it is read, one run of whole paragraphs at a time; calls `found` with each mention. */
async function scanTextFile(path: string, matcher: Matcher, found: (mention: Mention) => Promise<void>): Promise<void> {
  const named = new DocumentMemory();
  let pending = '';
  let offset = 0;
  const scanUpTo = async (cut: number) => {
    const part = pending.slice(0, cut);
    pending = pending.slice(cut);
    for (const { start, end, text, entity } of matcher.scan(part, named)) await found({ start: start + offset, end: end + offset, text, entity });
    offset += part.length;
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    const floor = pending.length;
    pending += chunk as string;
    const cut = lastParagraphCut(pending, floor);
    if (cut > 0) await scanUpTo(cut);
  }
  await scanUpTo(pending.length);
}

async function main(argv: string[]): Promise<void> {
  if (argv.length === 0 || argv.some((arg) => arg === '--help' || arg === '-h')) fail(usage);
  let entries;
  try {
    entries = readDataset();
  } catch (error) {
    fail(error instanceof DatasetError ? error.message : `cannot read the dataset: ${(error as Error).message}`);
  }
  const { rest: args, packs } = takePacks(argv, entries);
  if (args.length === 0) fail(usage);
  if (args[0] === '--list') {
    if (args.length > 1) fail(usage);
    const entities = entries.map((entry) => ({
      id: entry.id,
      name: entry.name,
      kind: entry.kind,
      aliases: aliasTexts(entry),
      ...('status' in entry ? { status: entry.status } : {}),
      sources: entry.sources,
      primarySources: entry.sources.filter(isPrimary).map((source) => source.url),
      asOf: entry.asOf,
    }));
    // A pack's entries follow, with its date for asOf and its links (a pack source may have no title).
    const fromPacks = packs.map(({ id, entry, owner }) => ({
      id,
      name: entry.name,
      kind: entry.kind,
      aliases: aliasTexts(entry),
      sources: entry.sources.map(({ url, title }) => ({ url, title: title ?? url })),
      asOf: owner.by === 'pack' ? owner.date : '',
    }));
    process.stdout.write(`${JSON.stringify({ entities: [...entities, ...fromPacks] })}\n`);
    return;
  }
  const unknown = args.find((arg) => arg.startsWith('-'));
  if (unknown) fail(`unknown option ${unknown}\n${usage}`);
  for (const path of args) check(path);
  const matcher = createMatcher([...entries, ...packs.map((pack) => pack.matchable)]);
  const output = new Output();
  // The same bytes as JSON.stringify({ documents }), written document by document and mention by mention.
  await output.write('{"documents":[');
  for (const [index, path] of args.entries()) {
    await output.write(`${index ? ',' : ''}{"path":${JSON.stringify(path)},"mentions":[`);
    let first = true;
    const found = (mention: Mention) => {
      const written = output.write(`${first ? '' : ','}${JSON.stringify(mention)}`);
      first = false;
      return written;
    };
    if (isHtml(path)) for (const mention of matcher.scan(documentText(path, readText(path)))) await found(mention);
    else await scanTextFile(path, matcher, found);
    await output.write(']}');
  }
  await output.write(']}\n');
  await output.flush();
}

// A reader that stops early (`scan --list | head`) closes the pipe: stop quietly, as other command-line tools do,
// instead of dying on an unhandled EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
await main(process.argv.slice(2));
