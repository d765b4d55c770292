import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { datasetModules } from './scripts/dataset-modules';
import { preloadPageModules } from './scripts/preload-page-modules';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
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
    permissions: ['storage', 'unlimitedStorage', 'tabs', 'contextMenus'],
    action: { default_title: 'Watchwords' },
    // The overlay frame (entrypoints/overlay), which the content script places on pages. Chrome: under an address
    // that changes every session, so a page cannot tell from a fixed address that Watchwords is installed.
    web_accessible_resources:
      browser === 'firefox'
        ? (['overlay.html'] as never)
        : [{ resources: ['overlay.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+W' }, description: 'Go to the next mention on the page and open its card' },
      'announce-mentions': { suggested_key: { default: 'Alt+Shift+M' }, description: 'Say how many mentions Watchwords found on the page' },
      'add-note': { suggested_key: { default: 'Alt+Shift+N' }, description: 'Add a note on the selected text' },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'watchwords@watchwords.example',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
