// `npm run bench:hostile`: what hostile pages cost the extension, in Chromium. For each page, the content script's
// own main-thread time (CPU profile samples under a chrome-extension: frame, with everything those frames called)
// over a fixed window, its share of that window, and its longest uninterrupted run (an upper bound of its longest
// task). Figures, not pass/fail: compare builds on the same machine (WATCHWORDS_CHROME_BUILD=path for another build).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { launchChromium } from './browsers/chromium';
import { chromeBuild } from './browsers/watchwords-page';

const names = ['Flock Safety', 'ShotSpotter', 'Clearview AI', 'Cellebrite', 'Palantir Technologies'];
const page = (title: string, body: string, script = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}<script>${script}</script></body></html>`;
const sentence = (i: number) => `Reporters asked about ${names[i % names.length]} and the county contract.`;
const article = Array.from({ length: 20 }, (_, i) => `<p>${sentence(i)} ${sentence(i + 1)}</p>`).join('');

/** The page learns the content script's event names the way a hostile page can (WXT's start-up postMessage). */
const learnWxtNames = `window.__wxt = null; addEventListener('message', (e) => { const t = e.data && e.data.type; if (typeof t === 'string' && t.endsWith('wxt:content-script-started')) window.__wxt = t.slice(0, -'content-script-started'.length); });`;

const cases: Record<string, { html: string; window: number }> = {
  'mentions-100k': {
    window: 20_000,
    html: page('100,000 mentions', Array.from({ length: 10_000 }, (_, p) => `<p>${Array.from({ length: 5 }, (_, i) => sentence(p + i)).join(' ')} ${Array.from({ length: 5 }, (_, i) => names[(p + i) % 5]).join(', ')}.</p>`).join('')),
  },
  'text-node-10mb': {
    window: 15_000,
    html: page('A 10 MB text node', '<p id="big"></p>', `const chunk = 'the council met again on tuesday and nothing much happened at all '.repeat(150);
      const parts = []; for (let i = 0; parts.length * chunk.length < 10e6; i++) parts.push(chunk, ${JSON.stringify(names)}[i % 5], ' ');
      document.getElementById('big').textContent = parts.join('');`),
  },
  'nesting-10k': {
    window: 10_000,
    // Hidden: Chromium's own layout of a 10,000-deep visible tree crashes the tab with or without any extension.
    html: page('10,000-deep nesting', '<main id="root" style="display: none"></main>', `let parent = document.getElementById('root');
      for (let i = 0; i < 10000; i++) { const div = document.createElement('div'); if (i % 10 === 0) div.append(${JSON.stringify(names)}[i % 5] + ' at depth ' + i + '. '); parent.append(div); parent = div; }`),
  },
  'endless-mutation': {
    window: 10_000,
    html: page('Endless mutation', `<article id="a">${article}</article>`, `let n = 0; const a = document.getElementById('a');
      (function tick() { n++; a.children[n % 20].textContent = ${JSON.stringify(names)}[n % 5] + ' changed ' + n + ' times.';
        const p = document.createElement('p'); p.textContent = 'Added: ' + ${JSON.stringify(names)}[(n + 2) % 5]; a.append(p); if (a.children.length > 40) a.lastElementChild.remove();
        requestAnimationFrame(tick); })();`),
  },
  'forged-navigation': {
    window: 10_000,
    html: page('Forged navigation', `<article>${article}</article>`, `${learnWxtNames}
      let n = 0; setInterval(() => history.pushState({}, '', '?n=' + (++n)), 100);
      setInterval(() => { dispatchEvent(new PopStateEvent('popstate')); dispatchEvent(new HashChangeEvent('hashchange'));
        if (window.__wxt) dispatchEvent(new Event(window.__wxt + 'locationchange')); }, 10);`),
  },
};

interface ProfileNode { id: number; callFrame: { url: string; functionName: string }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** Sample time spent in extension code (a chrome-extension: frame and everything below it). */
function extensionTime(profile: Profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const up = parent.get(id);
    const result = node.callFrame.url.startsWith('chrome-extension:') || (up !== undefined && isOurs(up));
    ours.set(id, result);
    return result;
  };
  let total = 0;
  let run = 0;
  let longest = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the time of sample i is the next delta.
    const duration = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (isOurs(profile.samples[i]!)) {
      total += duration;
      run += duration;
      longest = Math.max(longest, run);
    } else run = 0;
  }
  return { total, longest };
}

const server = createServer((request, response) => {
  const name = new URL(request.url ?? '/', 'http://x').pathname.slice(1);
  const found = cases[name];
  response.writeHead(found ? 200 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(found?.html ?? page('start', '<p>Nothing here.</p>'));
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const only = process.argv.slice(2);

/** `--none`: the same pages with an empty extension, for what the pages cost by themselves. */
const none = only.includes('--none');
const extensionDir = none ? emptyExtension() : chromeBuild;
function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'watchwords-empty-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'empty', version: '1', background: { service_worker: 'sw.js' } }));
  writeFileSync(join(dir, 'sw.js'), '');
  return dir;
}
console.log(`build: ${extensionDir}`);
for (const [name, { window: duration }] of Object.entries(cases)) {
  if (only.some((arg) => !arg.startsWith('--')) && !only.includes(name)) continue;
  const session = await launchChromium({ extensionDir });
  try {
    await session.goto(`${origin}/start`);
    const cdp = await session.context.newCDPSession(session.page);
    await cdp.send('Performance.enable');
    const metric = async (name: string) => ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === name)?.value ?? 0;
    const busyBefore = await metric('TaskDuration');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const started = Date.now();
    await session.page.goto(`${origin}/${name}`, { waitUntil: 'commit', timeout: 60_000 });
    await new Promise((done) => setTimeout(done, Math.max(0, duration - (Date.now() - started))));
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const busy = (await metric('TaskDuration')) - busyBefore;
    const wall = (profile.endTime - profile.startTime) / 1000;
    const { total, longest } = extensionTime(profile);
    const highlights = await session
      .evaluate<number>(`[...CSS.highlights].filter(([n]) => n.startsWith('watchwords-')).reduce((s, [, h]) => s + h.size, 0)`)
      .catch(() => -1);
    console.log(`${name.padEnd(18)} extension JS ${total.toFixed(0).padStart(6)} ms of ${wall.toFixed(0)} ms (${((100 * total) / wall).toFixed(1)} %), longest run ${longest.toFixed(0)} ms; main thread busy ${(busy * 1000).toFixed(0)} ms in all; ${highlights} highlights registered`);
  } catch (error) {
    console.log(`${name.padEnd(18)} failed: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await session.close().catch(() => undefined);
  }
}
server.close();
