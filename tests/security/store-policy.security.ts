/**
 * Store policy, checked on the builds under test: the smallest permission set (docs/permissions.md), content scripts
 * on web pages only, no host permissions, nothing a page can message or load from the extension beyond its frame
 * pages, the Firefox data-collection declaration, and no source maps or tests in what is shipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chromeBuild, firefoxBuild } from '../../scripts/browsers/watchwords-page';

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[]; all_frames?: boolean }[];
  externally_connectable?: unknown;
  web_accessible_resources?: (string | { resources: string[]; matches?: string[]; use_dynamic_url?: boolean })[];
  content_security_policy?: unknown;
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[] } }; gecko_android?: { strict_min_version?: string } };
}

const builds = { chromium: chromeBuild, firefox: firefoxBuild };
const expected = { chromium: ['alarms', 'contextMenus', 'sidePanel', 'storage', 'unlimitedStorage'], firefox: ['alarms', 'contextMenus', 'storage', 'unlimitedStorage'] };
/**
 * Asked for at run time only, one origin at a time: the sync server the reader sets up, or the https address of a
 * pack the reader typed (docs/permissions.md). Chrome lists them as optional host permissions; Firefox's Manifest
 * V2 among the optional permissions.
 */
const optionalHosts = ['https://*/*', 'http://*/*'];
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

describe.each(Object.entries(builds))('the %s build', (browser, dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

  test('asks for the smallest permission set: no "tabs", no host permissions at install, web origins only when the reader asks', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(expected[browser as keyof typeof expected]);
    expect(manifest.host_permissions ?? []).toEqual([]);
    const optional = browser === 'firefox' ? manifest.optional_permissions : (manifest as { optional_host_permissions?: string[] }).optional_host_permissions;
    expect(optional ?? []).toEqual(optionalHosts);
    if (browser === 'chromium') expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  test('runs its content script on web pages only, in the top frame', () => {
    for (const script of manifest.content_scripts ?? []) {
      expect(script.matches).toEqual(['http://*/*', 'https://*/*']);
      expect(script.all_frames ?? false).toBe(false);
    }
  });

  test('no page can message it, and pages can load only its frame pages (HTML), on web pages', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    for (const entry of manifest.web_accessible_resources ?? []) {
      const resources = typeof entry === 'string' ? [entry] : entry.resources;
      for (const resource of resources) expect(resource, 'a web-accessible resource').toMatch(/\.html$/);
      if (typeof entry !== 'string') expect(entry.matches ?? []).toEqual(['http://*/*', 'https://*/*']);
    }
    // The browsers' default policy for extension pages (no remote code, no eval) is kept.
    expect(manifest.content_security_policy).toBeUndefined();
  });

  test('ships no source maps, tests or fixtures', () => {
    const shipped = files(dir).map((file) => relative(dir, file));
    expect(shipped.filter((file) => /\.map$|\.test\.|\.e2e\.|\.security\.|(^|\/)tests?\//.test(file))).toEqual([]);
  });

  if (browser === 'firefox') {
    test('declares that it collects no data, on desktop and Android', () => {
      expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(['none']);
      expect(manifest.browser_specific_settings?.gecko_android?.strict_min_version).toBe('142.0');
    });
  }
});
