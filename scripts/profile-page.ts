// `npx tsx scripts/profile-page.ts [load|append] [repetitions]` (after `npm run build`): where the extension's
// main-thread time goes on the bench's 1 MB article. `load`: from navigation until 2 s after the 2,000th highlight;
// `append`: 1.5 s after a paragraph is appended (SETTLE=ms waits that long first). Prints the extension's tasks (as
// the bench counts them, from a trace), the trace events inside each task over 14 ms, and, from a CPU profile
// sampled every 0.1 ms, the functions with the most self and inclusive time in stacks with extension code
// (NAMES=1 also lists style and layout events; GAPS=1 every main-thread event over 5 ms after DOMContentLoaded). For readable names, build without minifying (vite build.minify).
// A diagnostic, not a figure: the profiler slows the code it samples.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articlePage, newsSentences } from './bench-tools';
import { launchChromium } from './browsers/chromium';
import { serveFolder } from './browsers/static-server';
import { readPageTrace, startTrace } from './browsers/trace';
import { chromeBuild, root, waitFor } from './browsers/watchwords-page';
import { documentText } from './document-text';

const demoText = documentText('article.html', readFileSync(join(root, 'demo', 'article.html'), 'utf8'));
const sentences = newsSentences(demoText.slice(demoText.indexOf('The officer held'), demoText.indexOf('How we reported this')));
const dir = mkdtempSync(join(tmpdir(), 'ww-prof-'));
writeFileSync(join(dir, 'article.html'), articlePage(sentences, 1_000_000, 3, readFileSync(join(root, 'tests', 'pages', 'news.css'), 'utf8')));
const server = await serveFolder(dir);
const session = await launchChromium({ extensionDir: chromeBuild });
const url = `${server.origin}/article.html`;
const count = `[...CSS.highlights].filter(([n]) => n.startsWith('watchwords-')).reduce((sum, [, h]) => sum + h.size, 0)`;
const mode = process.argv[2] ?? 'load';
try {
  for (let rep = 0; rep < Number(process.argv[3] ?? 1); rep++) {
    const cdp = await session.context.newCDPSession(session.page);
    await session.page.goto('about:blank');
    if (mode === 'append') {
      await session.page.goto(url, { waitUntil: 'domcontentloaded' });
      await waitFor('2000', async () => ((await session.page.evaluate(count)) as number) >= 2000 || undefined, 60_000);
      await session.page.waitForTimeout(Number(process.env.SETTLE ?? 0));
    }
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const stop = await startTrace(cdp);
    const t0 = Date.now();
    if (mode === 'append') {
      await session.page.evaluate(() => {
        performance.mark('watchwords-bench-append');
        const p = document.createElement('p');
        p.textContent = 'A late paragraph about Clearview AI and Flock Safety cameras, added after the page had loaded.';
        document.getElementById('story-body')!.append(p);
      });
      await session.page.waitForTimeout(1500);
    } else {
      await session.page.goto(url, { waitUntil: 'domcontentloaded' });
      await waitFor('2000', async () => ((await session.page.evaluate(count)) as number) >= 2000 || undefined, 60_000);
      console.log('2000 highlights after', Date.now() - t0, 'ms');
      await session.page.evaluate(() => performance.mark('watchwords-bench-scanned'));
      await session.page.waitForTimeout(2000);
    }
    const events = await stop();
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[]; startTime: number } };
    await cdp.detach();
    if (process.env.NAMES) {
      const nav = events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith(url)) ?? events.find((e) => e.name === 'watchwords-bench-append')!;
      for (const e of events) if (e.pid === nav.pid && e.tid === nav.tid && /Style|LayoutTree|Invalidat|ResizeObserver|Animation/.test(e.name)) console.log('EV', (e.ts / 1000).toFixed(1), e.name, e.dur ? (e.dur / 1000).toFixed(1) : '', JSON.stringify(e.args?.data ?? e.args ?? {}).slice(0, 200));
    }
    if (process.env.GAPS) {
      const nav = events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith(url))!;
      const dcl = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.name === 'domContentLoadedEventStart').at(-1)!;
      for (const e of events) if (e.pid === nav.pid && e.tid === nav.tid && e.dur !== undefined && e.dur > 5000 && e.ts > dcl.ts) console.log('GAP', ((e.ts - dcl.ts) / 1000).toFixed(1), e.name, (e.dur / 1000).toFixed(1), JSON.stringify(e.args?.data ?? {}).slice(0, 150));
    }
    const trace = readPageTrace(events, session.extensionOrigin, url, mode === 'append' ? 'watchwords-bench-append' : undefined);
    const mark = events.find((e) => e.name === (mode === 'append' ? 'watchwords-bench-append' : 'watchwords-bench-scanned'));
    const from = mode === 'append' ? mark!.ts / 1000 : trace.domContentLoaded!;
    console.log(`work items (ms from ${mode === 'append' ? 'append' : 'DCL'}; scanned mark at ${mark ? (mark.ts / 1000 - from).toFixed(0) : '?'}):`);
    let total = 0;
    for (const w of trace.work.filter((w) => w.start >= from)) {
      total += w.duration;
      if (w.duration > 1) console.log(`  +${(w.start - from).toFixed(0)}  ${w.duration.toFixed(1)} ${w.what}`);
    }
    console.log('total', total.toFixed(1), 'in', trace.work.filter((w) => w.start >= from).length);
    // self time per function in extension code (stack contains an extension frame)
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const ours = (id: number): boolean => {
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) if (byId.get(cur)!.callFrame.url.startsWith(session.extensionOrigin)) return true;
      return false;
    };
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let sum = 0;
    for (let i = 0; i < profile.samples.length; i++) {
      const id = profile.samples[i]!;
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      if (!ours(id)) continue;
      sum += dt;
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const g = byId.get(cur)!.callFrame;
        const k = `${g.functionName || '(anon)'} ${g.url.split('/').pop()}:${g.lineNumber}:${g.columnNumber}`;
        if (seen.has(k)) continue;
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
      }
    }
    // per long task: top inclusive functions among samples in its time range
    const times: number[] = [];
    let t = profile.startTime;
    for (const d of profile.timeDeltas) times.push((t += d) / 1000);
    for (const w of trace.work.filter((w) => w.start >= from && w.duration > 14)) {
      const inc = new Map<string, number>();
      for (let i = 0; i < profile.samples.length; i++) {
        if (times[i]! < w.start || times[i]! > w.start + w.duration) continue;
        const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
        const seen = new Set<string>();
        for (let cur: number | undefined = profile.samples[i]; cur !== undefined; cur = parent.get(cur)) {
          const g = byId.get(cur)!.callFrame;
          const k = `${g.functionName || '(anon)'} ${g.url.split('/').pop()}:${g.lineNumber}`;
          if (seen.has(k)) continue;
          seen.add(k);
          inc.set(k, (inc.get(k) ?? 0) + dt);
        }
      }
      const main = events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith(url)) ?? mark!;
      for (const e of events) if (e.pid === main.pid && e.tid === main.tid && e.dur !== undefined && e.dur > 2000 && e.ts / 1000 >= w.start && e.ts / 1000 <= w.start + w.duration) console.log(`    ${e.name} ${(e.dur / 1000).toFixed(1)} ${JSON.stringify(e.args?.data ?? {}).slice(0, 160)}`);
      console.log(`task +${(w.start - from).toFixed(0)} ${w.duration.toFixed(1)} ms:`, [...inc].sort((a, b) => b[1] - a[1]).slice(0, 16).map(([k, v]) => `${v.toFixed(1)} ${k}`).join(' | '));
    }
    console.log('extension samples', sum.toFixed(1), 'ms; top self:');
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${v.toFixed(1)}  ${k}`);
    console.log('top inclusive:');
    for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${v.toFixed(1)}  ${k}`);
  }
} finally {
  await session.close();
  await server.close();
}
