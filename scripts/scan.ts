// The `scan` CLI: prints the mentions Watchwords finds in text or HTML files, as one JSON document.
//   npm run --silent scan -- FILE...     npm run --silent scan -- --list
// Text files are read as a stream and scanned paragraph by paragraph, and the JSON is written as it is found, so
// memory stays about the size of the longest paragraph however large the files (an HTML file is parsed whole).
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { DatasetError } from '../core/dataset/dataset';
import { aliasTexts } from '../core/dataset/terms';
import { createMatcher, type Matcher, type Mention } from '../core/matcher/matcher';
import { readDataset } from './dataset-files';
import { documentText } from './document-text';
import { lastParagraphCut } from './paragraph-cut';

const usage = 'usage: npm run --silent scan -- FILE... | --list   (FILE: .txt or .html)';

function fail(message: string): never {
  process.stderr.write(`scan: ${message}\n`);
  process.exit(2);
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
    if (this.size >= 1 << 20) await this.flush();
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
  const named = new Set<string>();
  let pending = '';
  let offset = 0;
  const scanUpTo = async (cut: number) => {
    const part = pending.slice(0, cut);
    pending = pending.slice(cut);
    for (const { start, end, text, entity } of matcher.scan(part, named)) await found({ start: start + offset, end: end + offset, text, entity });
    offset += part.length;
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const floor = pending.length;
    pending += chunk as string;
    const cut = lastParagraphCut(pending, floor);
    if (cut > 0) await scanUpTo(cut);
  }
  await scanUpTo(pending.length);
}

async function main(args: string[]): Promise<void> {
  if (args.length === 0 || args.some((arg) => arg === '--help' || arg === '-h')) fail(usage);
  let entries;
  try {
    entries = readDataset();
  } catch (error) {
    fail(error instanceof DatasetError ? error.message : `cannot read the dataset: ${(error as Error).message}`);
  }
  if (args[0] === '--list') {
    if (args.length > 1) fail(usage);
    const entities = entries.map((entry) => ({
      id: entry.id,
      name: entry.name,
      kind: entry.kind,
      aliases: aliasTexts(entry),
      sources: entry.sources,
      asOf: entry.asOf,
    }));
    process.stdout.write(`${JSON.stringify({ entities })}\n`);
    return;
  }
  const unknown = args.find((arg) => arg.startsWith('-'));
  if (unknown) fail(`unknown option ${unknown}\n${usage}`);
  for (const path of args) check(path);
  const matcher = createMatcher(entries);
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
    if (isHtml(path)) for (const mention of matcher.scan(documentText(path, readFileSync(path, 'utf8')))) await found(mention);
    else await scanTextFile(path, matcher, found);
    await output.write(']}');
  }
  await output.write(']}\n');
  await output.flush();
}

await main(process.argv.slice(2));
