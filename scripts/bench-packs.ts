// `npm run bench:packs`: what a large pack costs. The matcher in Node on 1 MB of news text, with the bundled
// dataset alone and with a 5,000-term pack joined to it (as the runtime dataset joins it), plus the one-off costs:
// reading and checking the pack, and rebuilding a tab's matcher. Figures, not pass/fail: compare runs on one machine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMatcher, type MatchableEntry } from '../core/matcher/matcher';
import { exportPack, parsePack, planImport } from '../core/watchlist/pack';
import { composeDataset } from '../core/watchlist/runtime';
import type { WatchEntry } from '../core/watchlist/entry';
import { median, seededRandom } from './bench-tools';
import { readDataset } from './dataset-files';
import { documentText } from './document-text';
import { root } from './browsers/watchwords-page';

const syllables = ['har', 'bor', 'sen', 'ti', 'nel', 'gri', 'dax', 'vel', 'mo', 'ra', 'qui', 'lon', 'tes', 'ka', 'zu', 'pri', 'dor', 'fen', 'wy', 'lex'];
const nouns = ['Camera Network', 'Analytics', 'Systems', 'Reader Program', 'Task Force', 'Ordinance', 'Fusion Center', 'Data Exchange', 'Drone Unit', 'Platform'];

/** A made-up pack of `terms` terms: multi-word names, and an other name for every fourth entry. */
function syntheticPack(terms: number, random: () => number): WatchEntry[] {
  const word = () => {
    const parts = Array.from({ length: 2 + Math.floor(random() * 2) }, () => syllables[Math.floor(random() * syllables.length)]!);
    const text = parts.join('');
    return text[0]!.toUpperCase() + text.slice(1);
  };
  const entries: WatchEntry[] = [];
  const used = new Set<string>();
  let count = 0;
  while (count < terms) {
    const name = `${word()} ${nouns[Math.floor(random() * nouns.length)]}`;
    if (used.has(name.toLowerCase())) continue;
    used.add(name.toLowerCase());
    const alias = entries.length % 4 === 0 && count + 2 <= terms ? [`${word()} ${word()} ${nouns[0]}`] : [];
    if (alias.some((a) => used.has(a.toLowerCase()))) continue;
    for (const a of alias) used.add(a.toLowerCase());
    entries.push({ id: `e-${entries.length}`, kind: 'program', name, aliases: alias, summary: 'A made-up entry for the benchmark.', sources: [] });
    count += 1 + alias.length;
  }
  return entries;
}

function time<T>(runs: number, work: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    result = work();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

function main(): void {
  const bundled = readDataset();
  const random = seededRandom(14);
  const pack = syntheticPack(5_000, random);
  const { text: packText } = exportPack({ name: 'Benchmark pack', author: 'Benchmark' }, pack, new Date('2026-01-01T00:00:00Z'));
  const article = documentText('article.html', readFileSync(join(root, 'demo', 'article.html'), 'utf8'));
  const news = article.repeat(Math.ceil(1_000_000 / article.length)).slice(0, 1_000_000);
  // The same text with a pack name in one paragraph in ten, so that the pack's entries are found too.
  const paragraphs = news.split('\n\n');
  const withPackNames = paragraphs.map((p, i) => (i % 10 === 0 ? `${p} The council discussed the ${pack[i % pack.length]!.name}.` : p)).join('\n\n').slice(0, 1_000_000);

  const parse = time(5, () => {
    const parsed = parsePack(packText);
    if (!parsed.ok) throw new Error(parsed.error);
    return planImport(parsed.pack, composeDataset(bundled, []).index);
  });
  const terms = parse.result.entries.reduce((sum, entry) => sum + 1 + entry.aliases.length, 0);
  const compose = time(5, () => composeDataset(bundled, [{ owner: { by: 'pack', packId: 'bench', packName: 'Bench', author: 'Bench', date: '2026-01-01' }, entries: parse.result.entries }]));
  const extra: MatchableEntry[] = compose.result.entries.map((entry) => entry.matchable);

  // (A matcher compiles its terms when it first scans: an empty text makes it.)
  const build = (entries: readonly MatchableEntry[]) => {
    const matcher = createMatcher(entries);
    matcher.scan('');
    return matcher;
  };
  const buildBundled = time(5, () => build(bundled));
  const buildWithPack = time(5, () => build([...bundled, ...extra]));
  const rows = [
    ['bundled alone', buildBundled.result, news],
    ['bundled + 5,000-term pack', buildWithPack.result, news],
    ['bundled alone, text naming pack entries', buildBundled.result, withPackNames],
    ['bundled + pack, text naming pack entries', buildWithPack.result, withPackNames],
  ] as const;
  // Every row once first, so that none pays for the engine's first compilation; then the rows take turns, round
  // after round, so that a busy moment of the (shared) machine falls on all of them alike.
  for (const [, matcher, text] of rows) matcher.scan(text);
  const times = rows.map(() => [] as number[]);
  const found = rows.map(() => 0);
  for (let round = 0; round < 11; round++) {
    rows.forEach(([, matcher, text], i) => {
      const start = performance.now();
      found[i] = matcher.scan(text).length;
      times[i]!.push(performance.now() - start);
    });
  }

  console.log(`pack: ${parse.result.entries.length} entries, ${terms} terms, ${(packText.length / 1e6).toFixed(2)} MB; read, checked and planned in ${parse.ms.toFixed(0)} ms (median of 5); joined to the bundled ${bundled.length} entries in ${compose.ms.toFixed(0)} ms`);
  console.log(`matcher build (a tab's rebuild when the revision changes): bundled ${buildBundled.ms.toFixed(1)} ms, bundled + pack ${buildWithPack.ms.toFixed(1)} ms (median of 5)`);
  rows.forEach(([label], i) => {
    const ms = median(times[i]!);
    console.log(`scan 1 MB, ${label}: ${ms.toFixed(1)} ms median of 11 (${(1000 / ms).toFixed(1)} MB/s), ${found[i]} mentions`);
  });
}

main();
