// `npm run bench`: speed and memory of the scan path. Figures, not pass/fail: compare runs on the same machine.
// 1. the matcher in Node on 1 MB of text; 2. the extension in Chromium on a generated 1 MB article: the longest
// task while it scans, time to the last highlight, and the cost of highlighting one added paragraph.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMatcher } from '../core/matcher/matcher';
import { launchChromium } from './browsers/chromium';
import { serveFolder } from './browsers/static-server';
import { chromeBuild, root, waitFor } from './browsers/watchwords-page';
import { readDataset } from './dataset-files';
import { documentText } from './document-text';
import { median } from './bench-tools';


function benchMatcher(): void {
  const entries = readDataset();
  const built = performance.now();
  const matcher = createMatcher(entries);
  const buildMs = performance.now() - built;
  const article = documentText('article.html', readFileSync(join(root, 'demo', 'article.html'), 'utf8'));
  const text = article.repeat(Math.ceil(1_000_000 / article.length)).slice(0, 1_000_000);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const times: number[] = [];
  let mentions = 0;
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    mentions = matcher.scan(text).length;
    times.push(performance.now() - start);
  }
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(`matcher: ${entries.length} entries compiled in ${buildMs.toFixed(1)} ms`);
  console.log(`matcher: 1 MB of news text in ${median(times).toFixed(1)} ms median of 7 (${(1000 / median(times)).toFixed(1)} MB/s), ${mentions} mentions, heap +${((heapAfter - heapBefore) / 1e6).toFixed(1)} MB`);
}

async function benchBrowser(): Promise<void> {
  const server = await serveFolder(join(root, 'tests', 'pages'));
  const session = await launchChromium({ extensionDir: chromeBuild });
  try {
    // Long tasks are observed from the first script of the page on; the page's own generator runs before the scan.
    await session.page.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const loaded = Date.now();
    await session.goto(`${server.origin}/long-article.html`);
    const generatedAt = await session.evaluate<number>('performance.now()');
    const expected = await session.evaluate<number>('window.longArticleStats.entityParagraphs');
    const count = `[...CSS.highlights].filter(([n]) => n.startsWith('watchwords-')).reduce((sum, [, h]) => sum + h.size, 0)`;
    await waitFor(`${expected} highlights`, async () => (await session.evaluate<number>(count)) >= expected, 30_000);
    const allHighlightedMs = Date.now() - loaded;
    const tasks = await session.evaluate<{ start: number; duration: number }[]>('window.__longTasks');
    const scanTasks = tasks.filter((task) => task.start >= generatedAt);
    const longest = Math.max(0, ...scanTasks.map((task) => task.duration));
    console.log(`chromium: 1 MB article (${expected} mentions) fully highlighted ${allHighlightedMs} ms after navigation started`);
    console.log(`chromium: tasks over 50 ms after the page's own generator: ${scanTasks.length} (longest ${longest.toFixed(0)} ms)`);
    const added = await session.evaluate<number>(`new Promise((resolve) => {
      const before = ${count};
      const started = performance.now();
      const p = document.createElement('p');
      p.textContent = 'A late paragraph about Clearview AI and Flock Safety cameras.';
      document.getElementById('long-body').append(p);
      const poll = () => (${count} >= before + 2 ? resolve(performance.now() - started) : setTimeout(poll, 5));
      poll();
    })`);
    console.log(`chromium: a paragraph added to the 1 MB page highlighted in ${added.toFixed(0)} ms (rescans only the changed block)`);
  } finally {
    await session.close();
    await server.close();
  }
}

benchMatcher();
await benchBrowser();
