import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasStatus, kinds, type Kind } from '../core/dataset/kinds';
import { createMatcher } from '../core/matcher/matcher';
import { readDataset } from '../scripts/dataset-files';

const root = resolve(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const entries = readDataset();

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; with `hangUp`, reads only the first piece of its output and closes the pipe, as `| head` does. */
function run(args: string[], env: Record<string, string> = {}, { hangUp = false } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(tsx, [join(root, 'scripts', 'scan.ts'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (hangUp) child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'watchwords-scan-'));
function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Every CLI run starts at once (each takes about a second to start), and the tests then read the results.
const invocations = new Map<string, string[]>();
const results = new Map<string, Run>();
function scan(...args: string[]): Run {
  const result = results.get(JSON.stringify(args));
  if (!result) throw new Error(`scan ${args.join(' ')} was not started in beforeAll`);
  return result;
}
function plan(...args: string[]): void {
  invocations.set(JSON.stringify(args), args);
}
// A dataset under review (WATCHWORDS_DATA) with one broken entry.
const brokenData = join(dir, 'broken-data');
let brokenRun: Run;
beforeAll(async () => {
  mkdirSync(brokenData);
  const facts = { headquarters: 'Springfield, U.S.', products: ['Gizmo'], concern: 'Sells gizmos, a made-up report says.' };
  const source = { url: 'https://example.org/', title: 'Example', type: 'self', supports: ['summary', 'facts.headquarters', 'facts.products', 'facts.concern'] };
  writeFileSync(join(brokenData, 'good-vendor.json'), JSON.stringify({ id: 'good-vendor', kind: 'vendor', name: 'Good Vendor', summary: 'A test vendor.', facts, sources: [source], asOf: '2025-01-01' }));
  writeFileSync(join(brokenData, 'bad-vendor.json'), JSON.stringify({ id: 'bad-vendor', kind: 'vendor', name: 'Bad Vendor', summary: 'No sources.', facts, sources: [], asOf: '2025-01-01' }));
  await Promise.all([
    ...[...invocations].map(async ([key, args]) => results.set(key, await run(args))),
    run([article], { WATCHWORDS_DATA: brokenData }).then((result) => (brokenRun = result)),
  ]);
}, 120_000);

const textFile = 'The city said \u{1F6A8} Clearview AI had scraped photos.\nAgents used Mobile\n  Fortify during the stop.\n\nTourists flock to the coast.\n';

const article = write('article.txt', textFile);
const html = write(
  'page.html',
  '<!doctype html><html><head><title>Mobile Fortify</title><script>const tool = "Mobile Fortify";</script></head>' +
    '<body><h1>Border news</h1><p>Agents scanned faces with <b>Mobile Fortify</b>.</p>' +
    '<pre><code>Clearview AI</code></pre><script>track("Clearview AI")</script><p>Mobile</p><p>Fortify</p></body></html>',
);
const quiet = write('empty.txt', 'Nothing to see here.\n');
// Larger than the CLI's reading chunks, in paragraphs of every kind of blank line: it is scanned as it is read.
const paragraphs = [
  'The Department of Homeland Security said its DHS components would comply.',
  'Later, DHS declined to comment; agents used Mobile Fortify at the dock.',
  'ICE agents and the ICE hockey team: only one of them is the agency. Clearview AI scraped photos.',
  'Senators introduced S. 3779 this week in the Senate, citing 50 U.S.C. 1881a and Pub. L. 118-49.',
  'Tourists flock to the coast \u2014 caf\u00E9 owners\u2019 “surveillance” jokes.',
];
const breaks = ['\n\n', '\r\n\r\n', ' \n \n ', '\u2029', '\n\n\n', '\n'];
const bigText = Array.from({ length: 30_000 }, (_, i) => paragraphs[(i * 7) % paragraphs.length]! + breaks[(i * 3) % breaks.length]!).join('');
const big = write('big.txt', bigText);
const binary = write('image.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('latin1'));
const missing = join(dir, 'no-such-file.txt');
plan(article);
plan(html, quiet);
plan(big);
plan(binary, article);
plan(missing);
plan(dir);
plan('--list');
plan('--list', 'extra.txt');
plan();
plan('--frobnicate');

// A newsroom's pack (docs/packs.md): one entry of its own, one that would shadow a bundled entry.
const packFile = write(
  'city.pack.json',
  JSON.stringify({
    format: 'watchwords-pack',
    version: 1,
    id: 'harbor-city',
    name: 'Harbor city',
    author: 'Metro desk',
    description: '',
    date: '2026-03-01',
    entries: [
      { id: 'grid', kind: 'tool', name: 'Harbor Sentinel Grid', aliases: ['HSG Cameras'], summary: 'A made-up camera network.', sources: [{ url: 'https://example.org/grid' }] },
      { id: 'shadow', kind: 'vendor', name: 'Clearview AI', summary: 'Would shadow the bundled entry.' },
    ],
  }),
);
const secondPack = write('second.pack.json', JSON.stringify({ format: 'watchwords-pack', version: 1, id: 'ferry', name: 'Ferry', author: 'Desk', date: '2026-03-02', entries: [{ id: 'scan', kind: 'tool', name: 'Ferry Face Scan', summary: 'Made up.' }] }));
const hostilePack = write('hostile.pack.json', '{"format":"watchwords-pack","version":1,"entries":[{"__proto__":{"admin":true}}]}');
const packStory = write('pack-story.txt', 'The Harbor Sentinel Grid and Clearview AI were on the agenda; HSG Cameras and the Ferry Face Scan too.\n');
plan('--pack', packFile, '--pack', secondPack, packStory);
plan('--pack', hostilePack, packStory);
plan('--pack', packFile, '--list');
plan(packStory, '--pack');

describe('scan FILE', () => {
  test('prints the mentions of a .txt file in the documented shape', () => {
    const path = article;
    const { status, stdout, stderr } = scan(path);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const output = JSON.parse(stdout) as { documents: { path: string; mentions: { start: number; end: number; text: string; entity: { id: string; name: string; kind: string } }[] }[] };
    expect(Object.keys(output)).toEqual(['documents']);
    expect(output.documents).toHaveLength(1);
    const [doc] = output.documents;
    expect(Object.keys(doc!)).toEqual(['path', 'mentions']);
    expect(doc!.path).toBe(path);
    for (const mention of doc!.mentions) {
      expect(Object.keys(mention)).toEqual(['start', 'end', 'text', 'entity']);
      expect(Object.keys(mention.entity)).toEqual(['id', 'name', 'kind']);
      expect(textFile.slice(mention.start, mention.end)).toBe(mention.text);
      const entry = entries.find((e) => e.id === mention.entity.id)!;
      expect(mention.entity).toEqual({ id: entry.id, name: entry.name, kind: entry.kind });
    }
    expect(doc!.mentions.map((m) => [m.text, m.entity.id])).toEqual([
      ['Clearview AI', 'clearview-ai'],
      ['Mobile\n  Fortify', 'mobile-fortify'],
    ]);
    expect(doc!.mentions[0]!.start).toBe(textFile.indexOf('Clearview AI'));
  });

  test('scans several files in order, HTML by its visible text only', () => {
    const txt = quiet;
    const { status, stdout, stderr } = scan(html, txt);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const { documents } = JSON.parse(stdout) as { documents: { path: string; mentions: { text: string; entity: { id: string } }[] }[] };
    expect(documents.map((d) => d.path)).toEqual([html, txt]);
    expect(documents[0]!.mentions.map((m) => [m.text, m.entity.id])).toEqual([['Mobile Fortify', 'mobile-fortify']]);
    expect(documents[1]!.mentions).toEqual([]);
  });

  test('a file larger than its reading chunks gives what scanning the whole text gives', () => {
    const { status, stdout, stderr } = scan(big);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(bigText.length).toBeGreaterThan(2_000_000);
    const { documents } = JSON.parse(stdout) as { documents: { mentions: unknown[] }[] };
    expect(documents[0]!.mentions).toEqual(JSON.parse(JSON.stringify(createMatcher(entries).scan(bigText))));
    expect(documents[0]!.mentions.length).toBeGreaterThan(50_000);
  });

  test('a binary file is refused: one line on stderr naming it, a non-zero exit, nothing on stdout', () => {
    const { status, stdout, stderr } = scan(binary, article);
    expect(status).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(binary);
    expect(stderr).toMatch(/binary/);
  });

  test('a missing file: one line on stderr, a non-zero exit, no stack trace, nothing on stdout', () => {
    const { status, stdout, stderr } = scan(missing);
    expect(status).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(missing);
    expect(stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  });

  test('a directory instead of a file is reported the same way', () => {
    const { status, stdout, stderr } = scan(dir);
    expect(status).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('an invalid dataset', () => {
  test('is reported on stderr, file by file, with a non-zero exit and no stack trace', () => {
    expect(brokenRun.status).not.toBe(0);
    expect(brokenRun.stdout).toBe('');
    expect(brokenRun.stderr).toMatch(/^scan: The dataset has 1 problem/);
    expect(brokenRun.stderr).toContain('data/bad-vendor.json: sources');
    expect(brokenRun.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('scan --list', () => {
  test('lists every entity with id, name, kind, aliases, status where its kind has one, sources, primary sources and asOf', () => {
    const { status, stdout, stderr } = scan('--list');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    interface Listed {
      id: string;
      name: string;
      kind: Kind;
      aliases: string[];
      status?: { stage: string; date: string; source: string };
      sources: { url: string; title: string; type: string; supports: string[] }[];
      primarySources: string[];
      asOf: string;
    }
    const output = JSON.parse(stdout) as { entities: Listed[] };
    expect(Object.keys(output)).toEqual(['entities']);
    expect(output.entities).toHaveLength(entries.length);
    for (const entity of output.entities) {
      const withStatus = hasStatus(entity.kind);
      expect(Object.keys(entity)).toEqual(['id', 'name', 'kind', 'aliases', ...(withStatus ? ['status'] : []), 'sources', 'primarySources', 'asOf']);
      expect(kinds).toContain(entity.kind);
      expect(entity.aliases.every((alias) => typeof alias === 'string')).toBe(true);
      expect(entity.aliases).not.toContain(entity.name);
      expect(entity.sources.length).toBeGreaterThan(0);
      for (const source of entity.sources) expect(Object.keys(source).sort()).toEqual(['supports', 'title', 'type', 'url']);
      expect(entity.primarySources).toEqual(entity.sources.filter((source) => source.type !== 'secondary').map((source) => source.url));
      expect(entity.primarySources.length).toBeGreaterThan(0);
      if (entity.status) expect(entity.sources.map((source) => source.url)).toContain(entity.status.source);
      expect(entity.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(output.entities.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    const fortify = output.entities.find((e) => e.id === 'mobile-fortify')!;
    expect(fortify.aliases).toContain('Fortify');
  });

  test('a reader that stops early (`scan --list | head`) ends it quietly: exit 0, nothing on stderr', async () => {
    // The list is some 900 KB, so the first piece read is only part of it and the rest meets a closed pipe (EPIPE).
    const { status, stdout, stderr } = await run(['--list'], {}, { hangUp: true });
    expect(stdout.length).toBeGreaterThan(0);
    expect(stdout.length).toBeLessThan(JSON.stringify(entries).length / 2);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  test('--list takes no other argument', () => {
    const { status, stdout, stderr } = scan('--list', 'extra.txt');
    expect(status).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/usage/);
  });
});

describe('scan --pack FILE (repeatable)', () => {
  test('finds each pack\'s entries under its namespace beside the bundled ones; entries that would shadow one are left out, said on stderr', () => {
    const { status, stdout, stderr } = scan('--pack', packFile, '--pack', secondPack, packStory);
    expect(status).toBe(0);
    expect(stderr).toBe(`scan: ${packFile}: left out Clearview AI: “Clearview AI” cannot be told apart from “Clearview AI” in Watchwords’ own dataset.\n`);
    const { documents } = JSON.parse(stdout) as { documents: { mentions: { text: string; entity: { id: string } }[] }[] };
    expect(documents[0]!.mentions.map((m) => [m.text, m.entity.id])).toEqual([
      ['Harbor Sentinel Grid', 'pack:harbor-city:grid'],
      ['Clearview AI', 'clearview-ai'],
      ['HSG Cameras', 'pack:harbor-city:grid'],
      ['Ferry Face Scan', 'pack:ferry:scan'],
    ]);
  });

  test('a hostile pack is refused in one line, with a non-zero exit and nothing on stdout', () => {
    const { status, stdout, stderr } = scan('--pack', hostilePack, packStory);
    expect(status).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`scan: ${hostilePack}: Watchwords refused this pack: it contains the key "__proto__", which no pack has.\n`);
  });

  test('--list adds the pack\'s entries after the bundled ones; --pack without a file is a usage error', () => {
    const { status, stdout } = scan('--pack', packFile, '--list');
    expect(status).toBe(0);
    const { entities } = JSON.parse(stdout) as { entities: { id: string; aliases: string[]; asOf: string }[] };
    expect(entities).toHaveLength(entries.length + 1);
    expect(entities.at(-1)).toMatchObject({ id: 'pack:harbor-city:grid', aliases: ['HSG Cameras'], asOf: '2026-03-01' });
    expect(scan(packStory, '--pack').stderr).toMatch(/--pack needs a file/);
  });
});

describe('usage', () => {
  test('no arguments: usage on stderr and a non-zero exit', () => {
    const { status, stdout, stderr } = scan();
    expect(status).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^scan: usage:/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('an unknown option: usage on stderr and a non-zero exit', () => {
    const { status, stdout, stderr } = scan('--frobnicate');
    expect(status).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('--frobnicate');
    expect(stderr).toMatch(/usage/);
  });
});
