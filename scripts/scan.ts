// The `scan` CLI: prints the mentions Watchwords finds in text or HTML files, as one JSON document.
//   npm run --silent scan -- FILE...     npm run --silent scan -- --list
//   npm run --silent scan -- --pack PACK.json [--pack OTHER.json] FILE...   (a newsroom's own list, docs/packs.md)
import { readFileSync } from 'node:fs';
import { DatasetError } from '../core/dataset/dataset';
import { isPrimary } from '../core/dataset/schema';
import { aliasTexts } from '../core/dataset/terms';
import type { Entry } from '../core/dataset/schema';
import { createMatcher } from '../core/matcher/matcher';
import { parsePack, planImport } from '../core/watchlist/pack';
import { composeDataset, type RuntimeEntry, type RuntimeLayer } from '../core/watchlist/runtime';
import { readDataset } from './dataset-files';
import { documentText } from './document-text';

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

function main(argv: string[]): void {
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
  const matcher = createMatcher([...entries, ...packs.map((pack) => pack.matchable)]);
  const documents = args.map((path) => ({ path, mentions: matcher.scan(documentText(path, readText(path))) }));
  process.stdout.write(`${JSON.stringify({ documents })}\n`);
}

main(process.argv.slice(2));
