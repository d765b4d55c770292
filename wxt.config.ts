import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { manifestCommands } from './core/commands';
import { datasetModules } from './scripts/dataset-modules';
import { preloadPageModules } from './scripts/preload-page-modules';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // The Firefox sources zip (for review) is the repository as committed: no local test output.
  zip: { excludeSources: ['tests/e2e/screenshots/**', 'tests/security/screenshots/**', '.explore/**', '**/*.log', 'demo.png', 'web-ext-artifacts/**'] },
  vite: () => ({
    plugins: [datasetModules(), preloadPageModules()],
    resolve: {
      alias: {
        // WXT's content-script context posts a message naming the extension's id to the page and stops when the page
        // dispatches its "started" event: ours tells the page nothing and stops only when the extension goes away.
        'wxt/utils/content-script-context': resolve(import.meta.dirname, 'lib/content-script-context.ts'),
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Watchwords',
    description: 'Explains the surveillance tools, vendors, agencies and laws named in the news you read, and keeps your notes on them.',
    // The smallest set that works; why each is needed: docs/permissions.md. No "tabs": a tab's page is known from its
    // content script (sender.url), never from the browser's list of tabs. alarms: sync on a schedule and shortly
    // after edits. The sync server's address is asked for at run time, when the reader sets sync up (optional host
    // permissions), never at install.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'alarms'],
    // The same https permission is asked for one site when the reader imports a pack from an address they typed
    // (and given back after that one read). (Firefox's manifest version 2 lists them with the optional permissions.)
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*', 'http://*/*'] } : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: 'Watchwords' },
    // The overlay frame (entrypoints/overlay), which the content script places on pages. Chrome: under an address
    // that changes every session, so a page cannot tell from a fixed address that Watchwords is installed.
    web_accessible_resources:
      browser === 'firefox'
        ? (['overlay.html'] as never)
        : [{ resources: ['overlay.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    commands: manifestCommands(),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'watchwords@watchwords.example',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android knows data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
