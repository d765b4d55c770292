// `npm run bench [-- --json] [-- --only matcher,cli,page,bundle,notes]`: how far the scan path is from the limit.
// Every figure is a median of repetitions taken in this one run, and ratios compare two things measured side by
// side, so they hold on a busy machine. Prints a table; with --json the last line is one JSON object.
//   matcher      Node, 1 MB of news text, the dataset; against a loop that only reads every char code; and with
//                ten times as many made-up terms.
//   page         Chromium with the built extension, on a generated 1 MB article in realistic markup: the
//                extension's main-thread time from DOMContentLoaded to its last highlight (from a trace: every task
//                that ran its code, and the page's rendering right after each such task), against a TreeWalker reading all text and a mark.js-style highlighter (one
//                walk per term, each match wrapped in an element) in a browser without the extension; its longest
//                task; its first highlight on the demo article; its CPU time over the whole load; the heap it adds.
//   incremental  one appended paragraph on that page, once the extension is quiet, against the full scan.
//   bundle       gzip sizes of what each part of the extension loads; the content script's evaluation.
//   notes        the notes manager with 10,000 notes (see bench-notes.ts); export in Node.
//   cli          `scan` over a generated 100 MB corpus of text files: throughput and peak memory.
// Sync runs in Node against IndexedDB as fake-indexeddb provides it (as scripts/bench-sync.ts does).
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { termsOf } from '../core/dataset/terms';
import { createMatcher, createMatcher as createTsxMatcher, DocumentMemory } from '../core/matcher/matcher';
import { applyImport, planImport, readImportFile } from '../core/exchange/import';
import { datasetLookup } from '../core/exchange/dataset-lookup';
import { exportFormats } from '../core/exchange/registry';
import { mapStates } from '../core/notes/merge';
import { NotesDatabase } from '../lib/notes-db';
import { NotesRepository } from '../lib/notes-repository';
import { SyncEngine } from '../lib/sync/engine';
import { startRclone } from '../lib/sync/test-servers';
import { library } from './bench-exchange';
import { collectPageText, textUnits } from '../lib/page-text';
import { parseHTML } from 'linkedom';
import { generateNotes, measureNotes } from './bench-notes';
import { articlePage, median, newsSentences, syntheticEntries, termCount } from './bench-tools';
import { chromiumBinary, launchChromium, type ChromiumSession } from './browsers/chromium';
import { serveFolder } from './browsers/static-server';
import { readPageTrace, startTrace, workBetween, type PageTrace } from './browsers/trace';
import { chromeBuild, root, waitFor } from './browsers/watchwords-page';
import { readDataset } from './dataset-files';
import { documentText } from './document-text';
import { highlightCap } from '../entrypoints/content/highlighters';

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyArg = args.find((arg, i) => args[i - 1] === '--only');
const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;
const runs = (section: string) => !only || only.has(section);
const repetitions = Math.max(5, Number(process.env.BENCH_REPETITIONS ?? 5));

const entries = readDataset();
const demoText = documentText('article.html', readFileSync(join(root, 'demo', 'article.html'), 'utf8'));
const sentences = newsSentences(demoText.slice(demoText.indexOf('The officer held'), demoText.indexOf('How we reported this')));

/** A string V8 holds in one piece (repeat and slice make ropes, which every reader would pay to flatten). */
const flat = (text: string) => Buffer.from(text, 'utf16le').toString('utf16le');
const round = (value: number | undefined | null, digits = 2) => (value === undefined || value === null || !Number.isFinite(value) ? null : Number(value.toFixed(digits)));
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Row {
  figure: string;
  value: string;
  target?: string;
  met?: boolean;
}
const rows: Row[] = [];
const row = (figure: string, value: string, target?: string, met?: boolean) => rows.push({ figure, value, target, met });
const ms = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value.toFixed(value < 10 ? 2 : 1)} ms`);

// ---------------------------------------------------------------------------------------------------------------
// matcher
// ---------------------------------------------------------------------------------------------------------------

/** The floor: a loop that reads every char code of the text and nothing more. */
function readEveryCharCode(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

type MatcherModule = typeof import('../core/matcher/matcher');

/**
 * The matcher as the extension ships it: bundled and minified by esbuild, as the build does. The bench itself runs
 * under tsx, which compiles with esbuild's `keepNames`: every function made at run time (closures in the scan's
 * hot paths) is passed through a naming helper that the shipped content script does not have, which cost about a
 * fifth of the matcher's time here (see README "Performance"). The same matcher run as tsx loads it is a table row.
 */
async function shippedMatcher(): Promise<MatcherModule> {
  const dir = mkdtempSync(join(tmpdir(), 'ww-matcher-'));
  const outfile = join(dir, 'matcher.mjs');
  await esbuild({ entryPoints: [join(root, 'core', 'matcher', 'matcher.ts')], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', minify: true, outfile, logLevel: 'warning' });
  try {
    return (await import(pathToFileURL(outfile).href)) as MatcherModule;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchMatcher() {
  const { createMatcher } = await shippedMatcher();
  const text = flat(demoText.repeat(Math.ceil(1_000_000 / demoText.length)).slice(0, 1_000_000));
  const terms = termCount(entries);
  // (A matcher compiles its terms when it first scans: an empty text makes it.)
  let started = performance.now();
  const matcher = createMatcher(entries);
  matcher.scan('');
  const buildMs = performance.now() - started;
  const tenfold = [...entries, ...syntheticEntries(10 * terms, 7)];
  started = performance.now();
  const tenfoldMatcher = createMatcher(tenfold);
  tenfoldMatcher.scan('');
  const tenfoldBuildMs = performance.now() - started;
  const fiveThousand = createMatcher([...entries, ...syntheticEntries(Math.max(0, 5000 - terms), 11)]);
  const underTsx = createTsxMatcher(entries);
  underTsx.scan('');
  const variants = {
    charloop: () => readEveryCharCode(text),
    matcher: () => matcher.scan(text),
    tenfold: () => tenfoldMatcher.scan(text),
    fiveThousand: () => fiveThousand.scan(text),
    underTsx: () => underTsx.scan(text),
  };
  for (let warm = 0; warm < 3; warm++) for (const run of Object.values(variants)) run();
  // Each repetition times every variant once, side by side; a ratio is the median of the repetitions' ratios, so
  // that load from other processes, which changes over seconds, weighs on both sides of each.
  const times: Record<keyof typeof variants, number[]> = { charloop: [], matcher: [], tenfold: [], fiveThousand: [], underTsx: [] };
  const vsLoop: number[] = [];
  const vsDataset: number[] = [];
  const tsxVsLoop: number[] = [];
  for (let rep = 0; rep < Math.max(repetitions, 15); rep++) {
    for (const [name, run] of Object.entries(variants)) times[name as keyof typeof variants].push(time(run));
    const loop = (times.charloop.at(-1)! + time(variants.charloop)) / 2;
    vsLoop.push(times.matcher.at(-1)! / loop);
    vsDataset.push(times.tenfold.at(-1)! / times.matcher.at(-1)!);
    tsxVsLoop.push(times.underTsx.at(-1)! / loop);
  }
  if (underTsx.scan(text).length !== matcher.scan(text).length) throw new Error('the shipped matcher and the matcher as tsx loads it found different mentions');
  const mentions = matcher.scan(text).length;
  const m = median(times.matcher);
  const result = {
    mb_per_s: round(1000 / m, 1),
    ratio_vs_charloop: round(median(vsLoop)),
    ratio_10x_terms: round(median(vsDataset)),
  };
  row('matcher: 1 MB of news text, dataset (as shipped: esbuild bundle, minified)', `${ms(m)} (${result.mb_per_s} MB/s), ${mentions} mentions; ${terms} terms compiled in ${ms(buildMs)}`);
  row('matcher: a loop reading every char code', ms(median(times.charloop)));
  row('matcher.ratio_vs_charloop', String(result.ratio_vs_charloop), '≤ 2.5', result.ratio_vs_charloop! <= 2.5);
  row('matcher: the same, as tsx loads it (keepNames); its ratio to the loop', `${ms(median(times.underTsx))}; ${round(median(tsxVsLoop))}`);
  row('matcher: dataset + 10× made-up terms', `${ms(median(times.tenfold))}; ${termCount(tenfold)} terms compiled in ${ms(tenfoldBuildMs)}`);
  row('matcher.ratio_10x_terms', String(result.ratio_10x_terms), '≤ 1.3', result.ratio_10x_terms! <= 1.3);
  row('matcher: 5,000 terms', ms(median(times.fiveThousand)));
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// cli
// ---------------------------------------------------------------------------------------------------------------

/** Writes about `megabytes` MB of paragraphs of news text to a file, in pieces. */
async function writeCorpusFile(path: string, megabytes: number, seed: number): Promise<void> {
  const out = createWriteStream(path);
  const target = megabytes * 1_000_000;
  let written = 0;
  let i = seed;
  while (written < target) {
    const paragraph = `${Array.from({ length: 3 + (i % 4) }, (_, k) => sentences[(i * 7 + k * 13) % sentences.length]).join(' ')}\n\n`;
    i++;
    written += Buffer.byteLength(paragraph);
    if (!out.write(paragraph)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function benchCli() {
  const dir = mkdtempSync(join(tmpdir(), 'watchwords-bench-corpus-'));
  try {
    // 100 MB: one file of 20 MB and the rest between 0.5 and 8 MB.
    const sizes = [20];
    for (let i = 0; sizes.reduce((a, b) => a + b, 0) < 100; i++) sizes.push(Math.min(0.5 + ((i * 37) % 76) / 10, 100 - sizes.reduce((a, b) => a + b, 0)));
    const files: string[] = [];
    for (const [i, size] of sizes.entries()) {
      const path = join(dir, `doc-${String(i).padStart(3, '0')}.txt`);
      await writeCorpusFile(path, size, i);
      files.push(path);
    }
    const tiny = join(dir, 'tiny.txt');
    writeFileSync(tiny, 'Nothing here.\n');
    const bytes = files.reduce((sum, path) => sum + statSync(path).size, 0);
    const largest = Math.max(...files.map((path) => statSync(path).size));
    const scan = (paths: string[]) => {
      const rss = join(dir, 'rss');
      const started = performance.now();
      const result = spawnSync('/usr/bin/time', ['-o', rss, '-f', '%M', process.execPath, '--import', 'tsx', join(root, 'scripts', 'scan.ts'), ...paths], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
      });
      const seconds = (performance.now() - started) / 1000;
      if (result.status !== 0) throw new Error(`scan failed: ${result.stderr}`);
      return { seconds, rssMb: Number(readFileSync(rss, 'utf8').trim().split('\n').at(-1)) / 1024 };
    };
    const base = median(Array.from({ length: 3 }, () => scan([tiny]).rssMb));
    const measured = Array.from({ length: repetitions }, () => scan(files));
    const seconds = median(measured.map((run) => run.seconds));
    const peak = median(measured.map((run) => run.rssMb));
    const bound = (2 * largest) / 1e6 + base;
    const result = { mb_per_s: round(bytes / 1e6 / seconds, 1), peak_rss_mb: round(peak, 1) };
    row('cli: scan of 100 MB in text files', `${(bytes / 1e6).toFixed(0)} MB in ${files.length} files (largest ${(largest / 1e6).toFixed(0)} MB): ${seconds.toFixed(2)} s, ${result.mb_per_s} MB/s (start-up included)`);
    row('cli.peak_rss_mb', `${result.peak_rss_mb} MB (base ${base.toFixed(0)} MB on a tiny file)`, `≤ 2 × largest + base = ${bound.toFixed(0)} MB`, peak <= bound);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// page, incremental, memory, bundle evaluation
// ---------------------------------------------------------------------------------------------------------------

const markJsSample = 8;
const highlightCount = `[...CSS.highlights].filter(([n]) => n.startsWith('watchwords-')).reduce((sum, [, h]) => sum + h.size, 0)`;

/** The mentions the content script finds on a page, as it scans it: block by block, with one `named` set. */
function expectedMentions(html: string): number {
  const matcher = createMatcher(entries);
  const { document } = parseHTML(html);
  const memory = new DocumentMemory();
  let count = 0;
  for (const unit of textUnits(document.body)) count += matcher.scan(unit.text, memory).length;
  return count;
}

/** Waits until the page shows `expected` highlights, or until their number stops changing for 2 s. */
async function waitForHighlights(page: Page, expected: number): Promise<number> {
  let last = -1;
  let since = Date.now();
  return waitFor(
    `${expected} highlights`,
    async () => {
      const count = await page.evaluate(highlightCount).catch(() => 0) as number;
      if (count !== last) {
        last = count;
        since = Date.now();
      }
      if (count >= expected || (count > 0 && Date.now() - since > 2000)) return count || undefined;
      return undefined;
    },
    300_000,
  );
}

/** Loads a page with the extension while tracing; the extension's work from DOMContentLoaded to its last highlight. */
async function tracedScan(session: ChromiumSession, url: string, expected: number) {
  const cdp = await session.context.newCDPSession(session.page);
  await session.page.goto('about:blank');
  const stop = await startTrace(cdp);
  await session.page.goto(url, { waitUntil: 'domcontentloaded' });
  const count = await waitForHighlights(session.page, expected);
  await session.page.evaluate(() => performance.mark('watchwords-bench-scanned'));
  const events = await stop();
  await cdp.detach();
  const trace = readPageTrace(events, session.extensionOrigin, url);
  const done = events.find((e) => e.name === 'watchwords-bench-scanned');
  const from = trace.domContentLoaded ?? 0;
  const to = done ? done.ts / 1000 : Infinity;
  const work = workBetween(trace, from, to);
  const sampled = trace.samples.filter((s) => s.time >= (trace.navigationStart ?? 0) && s.time <= to).reduce((sum, s) => sum + s.interval, 0);
  // The longest task of each kind (what started it), to tell the scan's slices from the rest.
  const longestOf: Record<string, number> = {};
  const totalOf: Record<string, number> = {};
  for (const w of work) {
    longestOf[w.what] = Math.max(longestOf[w.what] ?? 0, w.duration);
    totalOf[w.what] = (totalOf[w.what] ?? 0) + w.duration;
  }
  return {
    count,
    trace,
    longestOf,
    totalOf,
    total: work.reduce((sum, w) => sum + w.duration, 0),
    longest: Math.max(0, ...work.map((w) => w.duration)),
    tasks: work.length,
    wall: work.length ? work.at(-1)!.start + work.at(-1)!.duration - from : 0,
    extensionScriptMs: sampled,
  };
}

/**
 * Waits until the extension has done nothing on the page for a whole quiet window (at most `tries` windows), so
 * that what follows is not charged with work left from before (the rest of a scan); returns the extension's
 * main-thread time in the last window.
 */
async function quietExtension(session: ChromiumSession, url: string, windowMs = 500, tries = 20): Promise<number> {
  let last = Infinity;
  for (let attempt = 0; attempt < tries && last > 0; attempt++) {
    const cdp = await session.context.newCDPSession(session.page);
    const stop = await startTrace(cdp);
    await session.page.evaluate(() => performance.mark('watchwords-bench-quiet'));
    await session.page.waitForTimeout(windowMs);
    const events = await stop();
    await cdp.detach();
    const trace = readPageTrace(events, session.extensionOrigin, url, 'watchwords-bench-quiet');
    const marked = events.find((e) => e.name === 'watchwords-bench-quiet');
    last = workBetween(trace, marked ? marked.ts / 1000 : 0, Infinity).reduce((sum, w) => sum + w.duration, 0);
  }
  return last;
}

/**
 * The extension's main-thread time for one appended paragraph, on a page already scanned and quiet (the
 * extension did nothing for 0.5 s before the paragraph came).
 */
async function tracedAppend(session: ChromiumSession, url: string) {
  const leftover = await quietExtension(session, url);
  if (leftover > 0) log(`incremental: the extension was still busy before the paragraph (${ms(leftover)} in the last 0.5 s)`);
  const cdp = await session.context.newCDPSession(session.page);
  const before = (await session.page.evaluate(highlightCount)) as number;
  const stop = await startTrace(cdp);
  await session.page.evaluate(() => {
    performance.mark('watchwords-bench-append');
    const p = document.createElement('p');
    p.textContent = 'A late paragraph about Clearview AI and Flock Safety cameras, added after the page had loaded.';
    document.getElementById('story-body')!.append(p);
  });
  if (before >= highlightCap) {
    // At the cap, the paragraph is scanned but its mentions are not shown: the extension's work is whatever it
    // does in the next 1.5 s.
    await session.page.waitForTimeout(1500);
  } else {
    await waitFor('the appended paragraph highlighted', async () => ((await session.page.evaluate(highlightCount)) as number) >= before + 2, 30_000);
    await session.page.waitForTimeout(300);
  }
  const events = await stop();
  await cdp.detach();
  // The page's rendering is not counted here (it renders its own paragraph); the extension's tasks, the microtasks
  // it ran in the page's and the style recalculations it scheduled are.
  const trace: PageTrace = readPageTrace(events, session.extensionOrigin, url, 'watchwords-bench-append', { renderingAfter: false });
  const appended = events.find((e) => e.name === 'watchwords-bench-append');
  const work = workBetween(trace, appended ? appended.ts / 1000 : 0, Infinity);
  return work.reduce((sum, w) => sum + w.duration, 0);
}

/** JS heap of the page's renderer after a full garbage collection (used heap plus array buffers), in MB. */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  await cdp.detach();
  return (usage.usedSize + (usage.backingStorageSize ?? 0)) / 1e6;
}

/** In a browser without the extension: one cold TreeWalker pass that reads every text node's data. */
async function textWalk(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(() => {
      const started = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let length = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) length += (node as Text).data.length;
      const elapsed = performance.now() - started;
      return length > 0 ? elapsed : NaN;
    });
  } finally {
    await page.close();
  }
}

/**
 * In a browser without the extension: the mark.js way of highlighting a word list (written here, not mark.js
 * itself): for each term, one walk over all text nodes, a case-insensitive search of each node's text, and every
 * match wrapped in a `<mark>` element.
 */
async function markJsStyle(browser: Browser, url: string, terms: string[]): Promise<{ ms: number; marks: number }> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    // A string, not a function: tsx would name inner functions with a helper the page does not have.
    return (await page.evaluate(`(${markJsSource})(${JSON.stringify(terms)})`)) as { ms: number; marks: number };
  } finally {
    await page.close();
  }
}

const markJsSource = `function (terms) {
  const started = performance.now();
  let marks = 0;
  const skipped = { acceptNode: (node) => (node.parentElement && node.parentElement.matches('script, style, title, head, html, textarea, mark') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) };
  for (const term of terms) {
    const pattern = new RegExp('(?<![\\\\p{L}\\\\p{N}])' + term.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&').replace(/ /g, '\\\\s+') + '(?![\\\\p{L}\\\\p{N}])', 'giu');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, skipped);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      pattern.lastIndex = 0;
      if (pattern.test(node.data)) found.push(node);
    }
    for (let node of found) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(node.data); match; match = pattern.exec(node.data)) {
        const middle = node.splitText(match.index);
        const rest = middle.splitText(match[0].length);
        const mark = document.createElement('mark');
        middle.replaceWith(mark);
        mark.append(middle);
        marks++;
        node = rest;
        pattern.lastIndex = 0;
      }
    }
  }
  return { ms: performance.now() - started, marks };
}`;

/** The time from navigation start to the first highlight (polled every frame from the page). */
async function firstHighlight(session: ChromiumSession, url: string): Promise<number> {
  await session.page.goto('about:blank');
  await session.page.goto(url, { waitUntil: 'domcontentloaded' });
  return waitFor('the first highlight', () => session.page.evaluate(() => (window as unknown as { __firstHighlight?: number }).__firstHighlight), 30_000);
}

/** The evaluation of the content script on a page with nothing on it, from a trace. */
async function scriptEvaluation(session: ChromiumSession, url: string): Promise<number | undefined> {
  const cdp = await session.context.newCDPSession(session.page);
  await session.page.goto('about:blank');
  const stop = await startTrace(cdp);
  await session.page.goto(url, { waitUntil: 'load' });
  await session.page.waitForTimeout(500);
  const events = await stop();
  await cdp.detach();
  return readPageTrace(events, session.extensionOrigin, url).scriptEvaluation;
}

async function benchPage() {
  const dir = mkdtempSync(join(tmpdir(), 'watchwords-bench-pages-'));
  const css = readFileSync(join(root, 'tests', 'pages', 'news.css'), 'utf8');
  const article = articlePage(sentences, 1_000_000, 3, css);
  writeFileSync(join(dir, 'article.html'), article);
  const hugeText = flat(sentences.join(' ').repeat(Math.ceil(10_000_000 / sentences.join(' ').length)).slice(0, 10_000_000));
  writeFileSync(join(dir, 'huge-text-node.html'), `<!DOCTYPE html><html><head><meta charset="utf-8"><title>One text node of 10 MB</title></head><body><main><p id="story-body">${hugeText.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p></main></body></html>`);
  writeFileSync(join(dir, 'blank.html'), '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Blank</title></head><body></body></html>');
  copyFileSync(join(root, 'demo', 'article.html'), join(dir, 'demo.html'));
  copyFileSync(join(root, 'demo', 'article.css'), join(dir, 'article.css'));
  const { document } = parseHTML(article);
  const articleText = collectPageText(document.body).text.length;
  const expected = expectedMentions(article);
  const expectedHuge = createMatcher(entries).scan(hugeText).length;
  const terms = [...new Set(entries.flatMap((entry) => termsOf(entry).filter((rule) => rule.matchAlone !== false).map((rule) => rule.text)))];
  // One walk per term takes minutes for every term: every `markJsSample`th term is walked, and the time scaled up
  // (each term's walk is independent of the others, so the time grows with their number).
  const markJsTerms = terms.filter((_, i) => i % markJsSample === 0);

  const server = await serveFolder(dir);
  const session = await launchChromium({ extensionDir: chromeBuild });
  const plain = await chromium.launch({ executablePath: chromiumBinary, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    await session.page.addInitScript(`(() => {
      const poll = () => {
        const shown = [...CSS.highlights].some(([name, highlight]) => name.startsWith('watchwords-') && highlight.size > 0);
        if (shown) window.__firstHighlight = performance.now();
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    })()`);
    const url = `${server.origin}/article.html`;
    const scans: Awaited<ReturnType<typeof tracedScan>>[] = [];
    const walks: number[] = [];
    const appends: number[] = [];
    const heaps: number[] = [];
    const plainHeaps: number[] = [];
    const marks: { ms: number; marks: number }[] = [];
    for (let rep = 0; rep < repetitions; rep++) {
      log(`page: repetition ${rep + 1} of ${repetitions}`);
      walks.push(await textWalk(plain, url));
      const scan = await tracedScan(session, url, Math.min(expected, highlightCap));
      scans.push(scan);
      heaps.push(await heapMb(session.page));
      appends.push(await tracedAppend(session, url));
      const plainPage = await plain.newPage();
      await plainPage.goto(url, { waitUntil: 'load' });
      plainHeaps.push(await heapMb(plainPage));
      await plainPage.close();
      const sampled = await markJsStyle(plain, url, markJsTerms);
      marks.push({ ms: (sampled.ms * terms.length) / markJsTerms.length, marks: sampled.marks });
    }
    const firsts: number[] = [];
    const evaluations: number[] = [];
    for (let rep = 0; rep < repetitions; rep++) {
      firsts.push(await firstHighlight(session, `${server.origin}/demo.html`));
      const evaluation = await scriptEvaluation(session, `${server.origin}/blank.html`);
      if (evaluation !== undefined) evaluations.push(evaluation);
    }
    const huge: Awaited<ReturnType<typeof tracedScan>>[] = [];
    for (let rep = 0; rep < Number(process.env.BENCH_HUGE_REPETITIONS ?? 1); rep++) huge.push(await tracedScan(session, `${server.origin}/huge-text-node.html`, Math.min(expectedHuge, highlightCap)));

    const ours = median(scans.map((scan) => scan.total));
    const walk = median(walks);
    const markMs = median(marks.map((m) => m.ms));
    const longest = median(scans.map((scan) => scan.longest));
    const incremental = median(appends);
    const heap = median(heaps) - median(plainHeaps);
    const page = {
      ratio_vs_textwalk: round(ours / walk),
      speedup_vs_markjs: round(markMs / ours, 0),
      longest_task_ms: round(longest),
      first_highlight_ms: round(median(firsts), 1),
      extension_script_ms: round(median(scans.map((scan) => scan.extensionScriptMs)), 1),
    };
    const counts = scans.map((scan) => scan.count);
    row('page: generated article', `${(articleText / 1e6).toFixed(2)} M characters of text, ${expected} mentions expected, ${median(counts)} highlighted${expected > highlightCap ? ` (at most ${highlightCap} are shown until the reader chooses Show all)` : ''}${counts.some((c) => c !== Math.min(expected, highlightCap)) ? ` (runs: ${counts.join(', ')})` : ''}`);
    row('page: the extension, DOMContentLoaded to last highlight', `${ms(ours)} of main-thread work in ${median(scans.map((s) => s.tasks))} tasks over ${ms(median(scans.map((s) => s.wall)))}`);
    row('page: a TreeWalker reading all text (cold)', ms(walk));
    row('page.ratio_vs_textwalk', String(page.ratio_vs_textwalk), '≤ 2', page.ratio_vs_textwalk! <= 2);
    row('page: the content script\'s evaluation on the article (in the figures above when it runs after DOMContentLoaded)', ms(median(scans.map((scan) => scan.trace.scriptEvaluation).filter((value): value is number => value !== undefined))));
    row('page: mark.js-style, one walk per term', `${ms(markMs)} for ${terms.length} terms (timed on ${markJsTerms.length} of them and scaled; ${median(marks.map((m) => m.marks))} marks)`);
    row('page.speedup_vs_markjs', String(page.speedup_vs_markjs), '≥ 500', page.speedup_vs_markjs! >= 500);
    row('page.longest_task_ms', ms(page.longest_task_ms), '≤ 16', page.longest_task_ms! <= 16);
    const kinds = [...new Set(scans.flatMap((scan) => Object.keys(scan.longestOf)))].sort();
    row('page: the longest task of each kind (median of the runs that had one)', kinds.map((kind) => `${kind} ${ms(median(scans.flatMap((scan) => scan.longestOf[kind] ?? [])))}`).join('; '));
    row('page: all tasks of each kind (median of the runs that had one)', kinds.map((kind) => `${kind} ${ms(median(scans.flatMap((scan) => scan.totalOf[kind] ?? [])))}`).join('; '));
    row('page: one 10 MB text node', `${ms(median(huge.map((s) => s.total)))} in ${median(huge.map((s) => s.tasks))} tasks, longest ${ms(median(huge.map((s) => s.longest)))}; ${median(huge.map((s) => s.count))} of ${expectedHuge} mentions`, '≤ 16 per task', median(huge.map((s) => s.longest)) <= 16);
    row('page.first_highlight_ms (demo article)', ms(page.first_highlight_ms));
    row('page.extension_script_ms (CPU samples, whole load)', ms(page.extension_script_ms));
    const incrementalResult = { ratio_vs_full: round(incremental / ours, 4) };
    row('incremental: one appended paragraph', ms(incremental));
    row('incremental.ratio_vs_full', String(incrementalResult.ratio_vs_full), '≤ 0.01', incrementalResult.ratio_vs_full! <= 0.01);
    const memory = { content_script_heap_mb: round(heap, 1) };
    row('memory.content_script_heap_mb', `${memory.content_script_heap_mb} MB (renderer heap with the extension ${median(heaps).toFixed(1)} MB, without ${median(plainHeaps).toFixed(1)} MB)`);
    const evaluation = evaluations.length ? median(evaluations) : undefined;
    row('bundle.content_script_eval_ms (blank page)', ms(evaluation));
    return { page, incremental: incrementalResult, memory, evaluation: round(evaluation, 1) };
  } finally {
    await plain.close();
    await session.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// bundle
// ---------------------------------------------------------------------------------------------------------------

const gzipBytes = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** A file and every script, style sheet and chunk it loads statically, each counted once. */
function closure(start: string, build: string): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path) || !existsSync(path)) return;
    seen.add(path);
    const text = readFileSync(path, 'utf8');
    const references = path.endsWith('.html')
      ? [...text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
      : path.endsWith('.js')
        ? [...text.matchAll(/(?:^|[;\s}])import\s*(?:[\w${},*\s]+from\s*)?["']([^"']+\.js)["']/g)].map((m) => m[1]!)
        : [];
    for (const reference of references) visit(reference.startsWith('/') ? join(build, reference) : join(dirname(path), reference));
  };
  visit(start);
  return seen;
}

function benchBundle() {
  const build = chromeBuild;
  const sum = (paths: Iterable<string>) => [...paths].reduce((total, path) => total + gzipBytes(path), 0);
  const contentScripts = readdirSync(join(build, 'content-scripts')).map((name) => join(build, 'content-scripts', name));
  const result: Record<string, number> = {
    content_script_gzip_bytes: sum(contentScripts),
    background_gzip_bytes: sum(closure(join(build, 'background.js'), build)),
  };
  for (const name of readdirSync(build).filter((file) => file.endsWith('.html')).sort()) {
    result[`${name.replace(/\.html$/, '')}_gzip_bytes`] = sum(closure(join(build, name), build));
  }
  row('bundle.content_script_gzip_bytes', `${result.content_script_gzip_bytes!.toLocaleString('en')} B`, '≤ 100,000', result.content_script_gzip_bytes! <= 100_000);
  for (const [key, value] of Object.entries(result)) if (key !== 'content_script_gzip_bytes') row(`bundle.${key}`, `${value.toLocaleString('en')} B`);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// notes
// ---------------------------------------------------------------------------------------------------------------

/** The time of a sync that downloads and merges 10,000 notes onto a new device, against a local WebDAV server. */
async function syncTimes(states: ReturnType<typeof library>): Promise<number[] | null> {
  let server;
  try {
    server = await startRclone();
  } catch (error) {
    log(`notes: no local WebDAV server (${(error as Error).message}); sync not measured`);
    return null;
  }
  try {
    const config = { url: server.url, username: server.username, password: server.password };
    const first = new NotesRepository(new NotesDatabase(`bench-sync-${crypto.randomUUID()}`));
    await first.applyRemote(states);
    await new SyncEngine(first, config).sync();
    const times: number[] = [];
    for (let rep = 0; rep < repetitions; rep++) {
      const device = new NotesRepository(new NotesDatabase(`bench-sync-${crypto.randomUUID()}`));
      const started = performance.now();
      await new SyncEngine(device, config).sync();
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    await server.dispose();
  }
}

async function benchNotes() {
  // Export, import and sync work on note states; 10,000 of them, as bench-exchange.ts makes them.
  const here = library('dev-a', 0);
  const there = library('dev-b', 3);
  const lookup = datasetLookup(entries);
  const now = new Date('2026-11-26T12:00:00Z');
  const exportMs: Record<string, number | null> = {};
  let json = '';
  for (const format of exportFormats) {
    const times = Array.from({ length: repetitions }, () => time(() => {
      const file = format.export({ states: here, now, ...lookup });
      if (format.id === 'watchwords-json') json = file.data as string;
    }));
    exportMs[format.id] = round(median(times), 1);
  }
  // Importing one device's export into the other's library: read, check, report, merge.
  const importTimes = Array.from({ length: repetitions }, () => {
    const states = mapStates(there);
    return time(() => {
      const file = readImportFile(json);
      planImport(file, states);
      applyImport(file, states);
    });
  });
  const sync = await syncTimes(here);
  const session = await launchChromium({ extensionDir: chromeBuild });
  try {
    const figures = await measureNotes(session.page, session.extensionOrigin, repetitions);
    const result = {
      manager_first_render_ms: round(median(figures.loads.map((load) => load.firstRender)), 1),
      search_ms: round(median([...figures.typing, ...figures.deleting]), 1),
      export_ms: exportMs,
      import_merge_ms: round(median(importTimes), 1),
      sync_ms: sync ? round(median(sync), 1) : null,
    };
    row('notes.manager_first_render_ms (10,000 notes)', ms(result.manager_first_render_ms), '≤ 200', result.manager_first_render_ms! <= 200);
    row('notes.search_ms (per keystroke)', ms(result.search_ms), '≤ 50', result.search_ms! <= 50);
    for (const [format, value] of Object.entries(exportMs)) row(`notes.export_ms.${format} (Node, 10,000 notes)`, ms(value));
    row('notes.import_merge_ms (Node: read, report, merge 10,000)', ms(result.import_merge_ms));
    row('notes.sync_ms (a new device downloads and merges 10,000; rclone WebDAV)', ms(result.sync_ms));
    return result;
  } finally {
    await session.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------

const machine = `${readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown CPU'}, ${(await import('node:os')).cpus().length} cores, Node ${process.versions.node}`;
log(`bench: ${machine}; ${repetitions} repetitions per figure`);
const nulls = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, null]));
const matcher = runs('matcher') ? await benchMatcher() : nulls(['mb_per_s', 'ratio_vs_charloop', 'ratio_10x_terms']);
const bundle = runs('bundle') ? benchBundle() : nulls(['content_script_gzip_bytes', 'background_gzip_bytes']);
const browser = runs('page') ? await benchPage() : undefined;
const notes = runs('notes') ? await benchNotes() : nulls(['manager_first_render_ms', 'search_ms', 'export_ms', 'import_merge_ms', 'sync_ms']);
const cli = runs('cli') ? await benchCli() : nulls(['mb_per_s', 'peak_rss_mb']);

const result = {
  matcher,
  page: browser?.page ?? nulls(['ratio_vs_textwalk', 'speedup_vs_markjs', 'longest_task_ms', 'first_highlight_ms', 'extension_script_ms']),
  incremental: browser?.incremental ?? nulls(['ratio_vs_full']),
  bundle: { content_script_gzip_bytes: bundle.content_script_gzip_bytes ?? null, content_script_eval_ms: browser?.evaluation ?? null, ...bundle },
  notes,
  cli,
  memory: browser?.memory ?? nulls(['content_script_heap_mb']),
};

const width = Math.max(...rows.map((r) => r.figure.length));
console.log(`Watchwords benchmark — ${machine}; medians of ${repetitions} or more repetitions`);
for (const r of rows) console.log(`${r.figure.padEnd(width)}  ${r.value}${r.target ? `   [target ${r.target}: ${r.met ? 'met' : 'NOT met'}]` : ''}`);
if (json) console.log(JSON.stringify(result));
