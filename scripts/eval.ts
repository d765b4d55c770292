// `npm run eval`: scores detection on the labelled corpus in ../shared/eval/dev (when present) with its scorer,
// then recall by kind and the dataset's coverage of the labelled entities (how many have an entry at all).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { matchTermsOf } from '../core/dataset/terms';
import { foldTerm } from '../core/matcher/fold';
import { readDataset } from './dataset-files';

const corpus = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'eval', 'dev'));
const scorer = resolve(corpus, '..', 'score.py');
if (!existsSync(join(corpus, 'labels.json')) || !existsSync(scorer)) {
  console.log(`eval: no labelled corpus at ${corpus} (needs labels.json and ../score.py); nothing to score.`);
  process.exit(0);
}
const docs = readdirSync(join(corpus, 'docs')).filter((name) => name.endsWith('.txt')).map((name) => join(corpus, 'docs', name));
const scan = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(import.meta.dirname, 'scan.ts'), ...docs], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (scan.status !== 0) {
  console.error(scan.stderr);
  process.exit(1);
}
const predictions = join(mkdtempSync(join(tmpdir(), 'watchwords-eval-')), 'predictions.json');
writeFileSync(predictions, scan.stdout);
const score = spawnSync('python3', [scorer, corpus, predictions], { stdio: 'inherit' });
if (score.status !== 0) process.exit(score.status ?? 1);

// Recall by kind and coverage, from the labels and the scorer's list of misses.
interface Label {
  doc: string;
  mentions: { entity: string; surfaces: string[]; kind: string }[];
}
const labels = JSON.parse(readFileSync(join(corpus, 'labels.json'), 'utf8')) as Label[];
const scored = spawnSync('python3', [scorer, corpus, predictions, '--json'], { encoding: 'utf8' });
const misses = new Set((JSON.parse(scored.stdout) as { misses: string[] }).misses);
const byKind = new Map<string, { found: number; total: number }>();
const entities = new Map<string, { kind: string; surfaces: Set<string>; found: boolean }>();
for (const label of labels) {
  for (const mention of label.mentions) {
    const found = !misses.has(`${label.doc}: ${mention.entity}`);
    const kind = byKind.get(mention.kind) ?? { found: 0, total: 0 };
    kind.total++;
    if (found) kind.found++;
    byKind.set(mention.kind, kind);
    const entity = entities.get(mention.entity) ?? { kind: mention.kind, surfaces: new Set(), found: false };
    for (const surface of mention.surfaces) entity.surfaces.add(surface);
    entity.found ||= found;
    entities.set(mention.entity, entity);
  }
}
const ratio = (found: number, total: number) => `${found}/${total} (${total ? (found / total).toFixed(3) : '—'})`;
console.log(`recall by kind: ${[...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, { found, total }]) => `${kind} ${ratio(found, total)}`).join(', ')}`);
// An entity is covered when the dataset has an entry for it: it was found somewhere, or one of its surfaces is a
// term of an entry (found or not, the entry exists).
const terms = new Set(readDataset().flatMap((entry) => matchTermsOf(entry).map((rule) => foldTerm(rule.text))));
const uncovered = [...entities].filter(([, entity]) => !entity.found && ![...entity.surfaces].some((surface) => terms.has(foldTerm(surface))));
console.log(`entity coverage: ${ratio(entities.size - uncovered.length, entities.size)} of the labelled entities have an entry${uncovered.length ? `; none for: ${uncovered.map(([name]) => name).join(', ')}` : ''}`);
