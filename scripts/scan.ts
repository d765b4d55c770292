// The `scan` CLI: prints the mentions Watchwords finds in text or HTML files, as one JSON document.
//   npm run --silent scan -- FILE...     npm run --silent scan -- --list
import { readFileSync } from 'node:fs';
import { DatasetError } from '../core/dataset/dataset';
import { isPrimary } from '../core/dataset/schema';
import { aliasTexts } from '../core/dataset/terms';
import { createMatcher } from '../core/matcher/matcher';
import { readDataset } from './dataset-files';
import { documentText } from './document-text';

const usage = 'usage: npm run --silent scan -- FILE... | --list   (FILE: .txt or .html)';

function fail(message: string): never {
  process.stderr.write(`scan: ${message}\n`);
  process.exit(2);
}

function main(args: string[]): void {
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
      ...('status' in entry ? { status: entry.status } : {}),
      sources: entry.sources,
      primarySources: entry.sources.filter(isPrimary).map((source) => source.url),
      asOf: entry.asOf,
    }));
    process.stdout.write(`${JSON.stringify({ entities })}\n`);
    return;
  }
  const unknown = args.find((arg) => arg.startsWith('-'));
  if (unknown) fail(`unknown option ${unknown}\n${usage}`);
  const matcher = createMatcher(entries);
  const documents = args.map((path) => {
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      fail(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
    }
    return { path, mentions: matcher.scan(documentText(path, content)) };
  });
  process.stdout.write(`${JSON.stringify({ documents })}\n`);
}

main(process.argv.slice(2));
