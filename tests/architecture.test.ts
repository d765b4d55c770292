import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The layers (../shared/design.md): core/ is pure and runs in Node; lib/ is browser-bound shared code;
 * components/ is presentational React; entrypoints/ is wiring. The arrows point down only.
 */
const root = resolve(import.meta.dirname, '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports (static, dynamic and type-only), as a project path or a package name. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)].map(
    (match) => match[1] ?? match[2] ?? match[3]!,
  );
  return specifiers.map((specifier) => (specifier.startsWith('.') ? relative(root, resolve(dirname(join(root, file)), specifier)) : specifier));
}

const layerOf = (path: string) => path.split('/')[0];

function violations(folder: string, forbidden: (target: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) => importsOf(file).filter(forbidden).map((target) => `${file} → ${target}`));
}

describe('the layers', () => {
  test('core/ imports nothing from lib/, entrypoints/ or components/, nor any browser or UI package', () => {
    const bad = violations('core', (target) => ['lib', 'entrypoints', 'components'].includes(layerOf(target)!) || /^(wxt|react|react-dom|dexie|@floating-ui)(\/|$)/.test(target));
    expect(bad).toEqual([]);
  });

  test('components/ never imports entrypoints/, the notes database or the browser API', () => {
    const bad = violations('components', (target) => layerOf(target) === 'entrypoints' || target === 'lib/notes-db' || /^(wxt\/browser|dexie)/.test(target));
    expect(bad).toEqual([]);
  });

  test('lib/ never imports entrypoints/', () => {
    expect(violations('lib', (target) => layerOf(target) === 'entrypoints')).toEqual([]);
  });

  test('only the notes repository writes the notes tables', () => {
    const tables = 'notes|noteStates|changes|backups';
    const write = new RegExp(`\\.(?:${tables})\\.(?:add|put|bulkAdd|bulkPut|update|bulkUpdate|delete|bulkDelete|clear)\\(|\\.(?:${tables})\\.(?:where|toCollection|filter)\\([^;]*\\.(?:modify|delete)\\(`);
    const writers = ['lib', 'entrypoints', 'components', 'core']
      .flatMap(sourceFiles)
      .filter((file) => !/\.test\.tsx?$/.test(file) && file !== 'lib/notes-repository.ts' && file !== 'lib/notes-db.ts')
      .filter((file) => write.test(readFileSync(join(root, file), 'utf8')));
    expect(writers).toEqual([]);
    expect(write.test('await db.notes.bulkPut(views)')).toBe(true);
  });

  test('the test finds imports of every form', () => {
    expect(importsOf('tests/architecture.test.ts')).toContain('node:fs');
    const sample = importsOf('entrypoints/notes/start.ts');
    expect(sample).toContain('entrypoints/notes/mount');
    expect(sample).toContain('entrypoints/notes/notes-manager.css');
  });
});
