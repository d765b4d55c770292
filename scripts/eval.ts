// `npm run eval`: scores detection on the labelled corpus in ../shared/eval/dev (when present) with its scorer.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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
process.exit(score.status ?? 1);
