// `npx tsx scripts/profile-highlight-style.ts [repetitions]`: what the page's rendering costs when our first
// highlights show on the bench's 1 MB article, with the `::highlight()` rules written in different ways, in headless
// Chromium without the extension (the page itself registers 2,000 ranges in the first part of the article and adds
// the style sheet, as the content script does), and what a style sheet present from the page's start costs a page
// with no mention. From a trace of the renderer's main thread: the longest task after the change, and the style
// recalculation (UpdateLayoutTree) and pre-paint time in it. A diagnostic for README "Performance", not a figure.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { kinds } from '../core/dataset/kinds';
import { highlightName, mentionCss } from '../entrypoints/content/highlighters';
import { articlePage, median, newsSentences } from './bench-tools';
import { chromiumBinary } from './browsers/chromium';
import { serveFolder } from './browsers/static-server';
import { startTrace, type TraceEvent } from './browsers/trace';
import { root } from './browsers/watchwords-page';
import { documentText } from './document-text';

const repetitions = Number(process.argv[2] ?? 5);
const demoText = documentText('article.html', readFileSync(join(root, 'demo', 'article.html'), 'utf8'));
const sentences = newsSentences(demoText.slice(demoText.indexOf('The officer held'), demoText.indexOf('How we reported this')));
const dir = mkdtempSync(join(tmpdir(), 'ww-style-'));
writeFileSync(join(dir, 'article.html'), articlePage(sentences, 1_000_000, 3, readFileSync(join(root, 'tests', 'pages', 'news.css'), 'utf8')));

/** The style sheet as the content script writes it (the reader's default style, a light page). */
const universal = mentionCss('underline', false);
/** The same rules on the root element only: the text's highlights inherit them (highlight inheritance). */
const onRoot = universal.replaceAll('::highlight(', ':root::highlight(');
/** The same rules on the html element, by its tag. */
const onHtml = universal.replaceAll('::highlight(', 'html::highlight(');
/** Every style and palette under names of their own, as a sheet present from the page's start would need. */
const everyCombination = (prefix: string) =>
  (['underline', 'background'] as const)
    .flatMap((style) => [false, true].map((dark) => mentionCss(style, dark).replaceAll(/::highlight\((watchwords-[a-z-]+)\)/g, `${prefix}::highlight($1-${style}-${dark ? 'dark' : 'light'})`)))
    .join('\n');

/** In the page: registers `count` ranges over the first text nodes of the article, one kind after another. */
function register({ names, count, sheetCss }: { names: string[]; count: number; sheetCss?: string }) {
  const state = window as unknown as { wwHighlights?: Highlight[]; wwSkip?: number };
  // (A later call adds to the same highlights, after the text nodes the calls before used.)
  const highlights = (state.wwHighlights ??= names.map((name) => {
    const highlight = new Highlight();
    CSS.highlights.set(name, highlight);
    return highlight;
  }));
  const walker = document.createTreeWalker(document.getElementById('story-body')!, NodeFilter.SHOW_TEXT);
  let added = 0;
  let skip = state.wwSkip ?? 0;
  state.wwSkip = skip + count;
  for (let node = walker.nextNode() as Text | null; node && added < count; node = walker.nextNode() as Text | null) {
    if (node.length < 12 || skip-- > 0) continue;
    const range = document.createRange();
    range.setStart(node, 2);
    range.setEnd(node, 10);
    highlights[added % highlights.length]!.add(range);
    added++;
  }
  if (sheetCss !== undefined) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(sheetCss);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
}

interface Cost {
  longest: number;
  style: number;
  prePaint: number;
}

/** The renderer's main-thread work after the mark: the longest task, style recalculation and pre-paint in all. */
function costAfter(events: TraceEvent[], mark: string): Cost {
  const at = events.find((e) => e.name === mark);
  if (!at) throw new Error(`no mark ${mark}`);
  const after = events.filter((e) => e.pid === at.pid && e.tid === at.tid && e.ph === 'X' && e.ts >= at.ts - 50_000 && e.dur !== undefined);
  const sum = (name: string) => after.filter((e) => e.name === name).reduce((total, e) => total + e.dur!, 0) / 1000;
  const tasks = after.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  return { longest: Math.max(0, ...tasks.map((e) => e.dur! / 1000)), style: sum('UpdateLayoutTree'), prePaint: sum('PrePaint') };
}

const server = await serveFolder(dir);
const browser = await chromium.launch({ executablePath: chromiumBinary, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const url = `${server.origin}/article.html`;

/** Loads the article (with `startCss` adopted at document start, if given) and lets it settle. */
async function load(startCss?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  if (startCss !== undefined) {
    await page.addInitScript((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, startCss);
  }
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  return page;
}

/** Traces `change` (run in one task of the page) and what the page renders in the next 600 ms. */
async function traced(page: Page, change: () => Promise<unknown>): Promise<Cost> {
  const cdp = await page.context().newCDPSession(page);
  const stop = await startTrace(cdp);
  await page.evaluate(() => performance.mark('ww-style-change'));
  await change();
  await page.waitForTimeout(600);
  const events = await stop();
  await cdp.detach();
  return costAfter(events, 'ww-style-change');
}

const plainNames = kinds.map(highlightName);
const comboNames = kinds.map((kind) => `${highlightName(kind)}-underline-light`);
const variants: { name: string; startCss?: string; names: string[]; css?: string }[] = [
  { name: '::highlight() added with the first highlights (as now)', names: plainNames, css: universal },
  { name: ':root::highlight() added with the first highlights', names: plainNames, css: onRoot },
  { name: 'html::highlight() added with the first highlights', names: plainNames, css: onHtml },
  { name: 'every combination as ::highlight(), from the start', startCss: everyCombination(''), names: comboNames },
  { name: 'every combination as :root::highlight(), from the start', startCss: everyCombination(':root'), names: comboNames },
];
const results = new Map<string, Cost[]>();
const later = new Map<string, Cost[]>();
// A page with no mention: a full style recalculation (the body's font changes) with and without a start sheet.
const noMention = new Map<string, number[]>();
const noMentionCases: { name: string; startCss?: string }[] = [
  { name: 'no sheet' },
  { name: 'every combination as ::highlight()', startCss: everyCombination('') },
  { name: 'every combination as :root::highlight()', startCss: everyCombination(':root') },
];
try {
  for (let rep = 0; rep < repetitions; rep++) {
    process.stderr.write(`repetition ${rep + 1} of ${repetitions}\n`);
    for (const variant of variants) {
      const page = await load(variant.startCss);
      const first = await traced(page, () => page.evaluate(register, { names: variant.names, count: 300, sheetCss: variant.css }));
      results.set(variant.name, [...(results.get(variant.name) ?? []), first]);
      // A later showing: more ranges, the sheet already there.
      const next = await traced(page, () => page.evaluate(register, { names: variant.names, count: 1700 }));
      later.set(variant.name, [...(later.get(variant.name) ?? []), next]);
      await page.close();
    }
    for (const variant of noMentionCases) {
      const page = await load(variant.startCss);
      const cost = await traced(page, () => page.evaluate(() => (document.body.style.fontFamily = 'Georgia, serif')));
      noMention.set(variant.name, [...(noMention.get(variant.name) ?? []), cost.style]);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
const fmt = (values: number[]) => `${median(values).toFixed(1)} (${values.map((v) => v.toFixed(1)).join(', ')})`;
console.log(`Medians (all runs) in ms, ${repetitions} repetitions, Chromium headless, the bench's 1 MB article:`);
for (const [name, costs] of results) {
  const next = later.get(name)!;
  console.log(`${name}\n  first showing: longest task ${fmt(costs.map((c) => c.longest))}; style ${fmt(costs.map((c) => c.style))}; pre-paint ${fmt(costs.map((c) => c.prePaint))}\n  later showing: longest task ${fmt(next.map((c) => c.longest))}; style ${fmt(next.map((c) => c.style))}; pre-paint ${fmt(next.map((c) => c.prePaint))}`);
}
for (const [name, styles] of noMention) console.log(`no mention, ${name}: full style recalculation ${fmt(styles)}`);
