// `npx tsx scripts/scan-diff.ts [--base REF] [FILE...]`: scans the same texts with this tree and with another
// commit (default: where this branch left `main`) and reports every difference in the mentions found. A check for changes that must not
// change behaviour (a faster matcher, a streaming CLI). Each text is scanned three ways: whole (as the `scan` CLI
// does), block by block with one shared `named` set (as the content script does, with a matcher compiled in steps), and through the `scan` CLI
// itself. Texts: the demo article, the test pages, generated stress texts (every term of the dataset in odd
// spellings, spacing and surroundings), the eval corpus next to this repository when present, and FILE... .
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stressText } from './bench-tools';
import { readDataset } from './dataset-files';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
let base = '';
const extra: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--base') base = args[++i] ?? base;
  else extra.push(resolve(args[i]!));
}

base ||= spawnSync('git', ['merge-base', 'HEAD', 'main'], { cwd: root, encoding: 'utf8' }).stdout.trim();
const work = mkdtempSync(join(tmpdir(), 'watchwords-scan-diff-'));
const baseTree = join(work, 'base');

function run(command: string, commandArgs: string[], cwd = root): string {
  const result = spawnSync(command, commandArgs, { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

// Both trees read the same dataset: this one's (the base's own data/ may differ from it).
const entries = readDataset();
const files = [
  join(root, 'demo', 'article.html'),
  ...readdirSync(join(root, 'tests', 'pages')).filter((name) => name.endsWith('.html')).map((name) => join(root, 'tests', 'pages', name)),
];
const evalDocs = resolve(root, '..', 'shared', 'eval', 'dev', 'docs');
if (existsSync(evalDocs)) files.push(...readdirSync(evalDocs).filter((name) => name.endsWith('.txt')).sort().map((name) => join(evalDocs, name)));
for (let seed = 1; seed <= Number(process.env.SCAN_DIFF_SEEDS ?? 6); seed++) {
  const path = join(work, `stress-${seed}.txt`);
  writeFileSync(path, stressText(entries, seed, 400_000));
  files.push(path);
}
files.push(...extra);

// Runs inside each tree: whole-text and block-by-block scans of every file, as JSON.
const probe = `
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { createMatcher } from '@tree/core/matcher/matcher';
import { collectPageText, textUnits } from '@tree/lib/page-text';
import { readDataset } from '@tree/scripts/dataset-files';
const matcher = createMatcher(readDataset(process.env.WATCHWORDS_DATA));
// Blocks are scanned as the content script scans them, with a matcher compiled in steps first where the tree can.
const paged = createMatcher(readDataset(process.env.WATCHWORDS_DATA));
if (typeof paged.compile === 'function') while (!paged.compile(() => true));
const out = {};
for (const path of JSON.parse(process.env.FILES)) {
  const content = readFileSync(path, 'utf8');
  const html = /\\.x?html?$/i.test(path);
  const body = html ? (() => { const { document } = parseHTML(content); return document.body ?? document.documentElement; })() : undefined;
  const whole = matcher.scan(body ? collectPageText(body).text : content);
  const named = new Set();
  const units = body ? [...textUnits(body)].map((unit) => paged.scan(unit.text, named)) : [];
  out[path] = { whole, units };
}
process.stdout.write(JSON.stringify(out));
`;

function probeTree(tree: string): Record<string, unknown> {
  // Inside the tree, so that its own node_modules resolve.
  const script = join(tree, 'scripts', `.scan-diff-probe-${process.pid}.ts`);
  writeFileSync(script, probe.replaceAll('@tree', tree));
  const output = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, FILES: JSON.stringify(files), WATCHWORDS_DATA: join(root, 'data') },
  });
  rmSync(script);
  if (output.status !== 0) throw new Error(`probe failed in ${tree}:\n${output.stderr}`);
  return JSON.parse(output.stdout) as Record<string, unknown>;
}

function cli(tree: string): string {
  return spawnSync(process.execPath, ['--import', 'tsx', join(tree, 'scripts', 'scan.ts'), ...files], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, WATCHWORDS_DATA: join(root, 'data') },
  }).stdout;
}

let differences = 0;
try {
  run('git', ['worktree', 'add', '--detach', baseTree, base]);
  symlinkSync(join(root, 'node_modules'), join(baseTree, 'node_modules'));
  const [before, after] = [probeTree(baseTree), probeTree(root)];
  for (const path of files) {
    const [a, b] = [JSON.stringify(before[path]), JSON.stringify(after[path])];
    if (a === b) continue;
    differences++;
    const [was, now] = [before[path] as { whole: unknown[] }, after[path] as { whole: unknown[] }];
    console.log(`DIFFERENT ${path}: ${was.whole.length} → ${now.whole.length} mentions (whole text)`);
    const seen = new Set(was.whole.map((m) => JSON.stringify(m)));
    const added = now.whole.filter((m) => !seen.has(JSON.stringify(m))).slice(0, 5);
    const kept = new Set(now.whole.map((m) => JSON.stringify(m)));
    const lost = was.whole.filter((m) => !kept.has(JSON.stringify(m))).slice(0, 5);
    for (const m of added) console.log(`  + ${JSON.stringify(m)}`);
    for (const m of lost) console.log(`  - ${JSON.stringify(m)}`);
  }
  const cliSame = cli(baseTree) === cli(root);
  if (!cliSame) differences++;
  const mentions = Object.values(after).reduce<number>((sum, value) => sum + (value as { whole: unknown[] }).whole.length, 0);
  console.log(`${files.length} texts, ${mentions} mentions (whole-text scans): ${differences ? `${differences} difference(s)` : 'identical'} against ${base}; scan CLI output ${cliSame ? 'identical' : 'DIFFERENT'}`);
} finally {
  spawnSync('git', ['worktree', 'remove', '--force', baseTree], { cwd: root });
  rmSync(work, { recursive: true, force: true });
}
process.exit(differences ? 1 : 0);
