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
import { samplesOf, type Profile } from './browsers/cpu-profile';
import { chromeBuild } from './browsers/watchwords-page';

const names = ['Flock Safety', 'ShotSpotter', 'Clearview AI', 'Cellebrite', 'Palantir Technologies'];
const page = (title: string, body: string, script = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}<script>${script}</script></body></html>`;
const sentence = (i: number) => `Reporters asked about ${names[i % names.length]} and the county contract.`;
const article = Array.from({ length: 20 }, (_, i) => `<p>${sentence(i)} ${sentence(i + 1)}</p>`).join('');

/** The page learns the content script's event names the way a hostile page can (WXT's start-up postMessage). */
const learnWxtNames = `window.__wxt = null; addEventListener('message', (e) => { const t = e.data && e.data.type; if (typeof t === 'string' && t.endsWith('wxt:content-script-started')) window.__wxt = t.slice(0, -'content-script-started'.length); });`;

const cases: Record<string, { html: string; window: number }> = {
  /** A plain article (for the paste measurement). */
  quiet: { window: 5000, html: page('A quiet article', `<article>${article}</article>`) },
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


/** Sample time spent in extension code (a chrome-extension: frame and everything below it). */
function extensionTime(profile: Profile) {
  const { byId, isOurs } = samplesOf(profile, 'chrome-extension:');
  let total = 0;
  let run = 0;
  let longest = 0;
  /** Self time by function within the current run and within the longest one (WATCHWORDS_BENCH_VERBOSE=1). */
  let runFrames = new Map<string, number>();
  let longestFrames = runFrames;
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the time of sample i is the next delta.
    const duration = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const id = profile.samples[i]!;
    if (isOurs(id)) {
      total += duration;
      run += duration;
      const frame = byId.get(id)!.callFrame;
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}`;
      runFrames.set(key, (runFrames.get(key) ?? 0) + duration);
      if (run > longest) longestFrames = runFrames;
      longest = Math.max(longest, run);
    } else if (byId.get(id)?.callFrame.functionName === '(garbage collector)' && run > 0) {
      // Collecting our garbage in the middle of our work: the same task goes on.
      run += duration;
      longest = Math.max(longest, run);
    } else {
      run = 0;
      runFrames = new Map();
    }
  }
  if (process.env.WATCHWORDS_BENCH_VERBOSE) {
    console.log([...longestFrames].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, ms]) => `    ${ms.toFixed(0)} ms ${name}`).join('\n'));
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
  if (name === 'quiet') continue;
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
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Required<Profile> };
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
/**
 * Pasting 1 MB of unbroken text into the note editor (in the overlay frame), then typing one more character: how
 * long each takes to show in the field (the old in-page editor froze for 210 s).
 */
async function benchPaste(): Promise<void> {
  const session = await launchChromium({ extensionDir });
  try {
    await session.goto(`${origin}/quiet`);
    await new Promise((done) => setTimeout(done, 1500));
    // Select a sentence and press "Add note" (trusted input, as a reader would).
    const point = await session.evaluate<{ x: number; y: number }>(`(() => {
      const p = document.querySelector('article p'); const range = document.createRange(); range.selectNodeContents(p.firstChild);
      getSelection().removeAllRanges(); getSelection().addRange(range); const r = range.getClientRects()[0]; return { x: r.left + 5, y: r.top + 5 };
    })()`);
    await session.page.mouse.click(point.x, point.y + 1, { delay: 10 }).catch(() => undefined);
    await session.evaluate(`(() => { const p = document.querySelector('article p'); const range = document.createRange(); range.selectNodeContents(p.firstChild); getSelection().removeAllRanges(); getSelection().addRange(range); return true; })()`);
    await session.page.keyboard.press('Shift');
    const frameOf = () => session.page.frames().find((f) => f.url().startsWith('chrome-extension:'));
    const button = await waitForValue(async () => (await session.accessible('button', 'Add note'))[0]);
    await session.page.mouse.click(button.box.x + button.box.width / 2, button.box.y + button.box.height / 2);
    const frame = await waitForValue(async () => {
      const found = frameOf();
      return found && (await found.evaluate(`!!document.querySelector('textarea')`)) ? found : undefined;
    });
    const cdp = await session.context.newCDPSession(frame);
    const text = 'x'.repeat(1_000_000);
    const length = `document.querySelector('textarea').value.length`;
    const pasted = performance.now();
    await cdp.send('Input.insertText', { text });
    await waitForValue(async () => (await frame.evaluate(length)) === 1_000_000 || undefined);
    const pasteMs = performance.now() - pasted;
    const typed = performance.now();
    await session.page.keyboard.press('y');
    await waitForValue(async () => (await frame.evaluate(length)) === 1_000_001 || undefined);
    const keyMs = performance.now() - typed;
    const counter = (await frame.evaluate(`document.querySelector('.note-error')?.textContent ?? ''`)) as string;
    console.log(`paste-1mb          in the frame: 1,000,000 characters shown in ${pasteMs.toFixed(0)} ms, the next keystroke in ${keyMs.toFixed(0)} ms; the editor says: ${counter}`);
    await cdp.detach();
  } catch (error) {
    console.log(`paste-1mb          failed: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await session.close().catch(() => undefined);
  }
}

async function waitForValue<T>(check: () => Promise<T | undefined>, timeout = 240_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 20));
  }
}

if (!none && (!only.some((arg) => !arg.startsWith('--')) || only.includes('paste-1mb'))) await benchPaste();
server.close();
