import { defineConfig } from 'wxt';
import { datasetModules } from './scripts/dataset-modules';
import { preloadPageModules } from './scripts/preload-page-modules';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // The Firefox sources zip (for review) is the repository as committed: no local test output.
  zip: { excludeSources: ['tests/e2e/screenshots/**', 'tests/security/screenshots/**', '.explore/**', '**/*.log', 'demo.png', 'web-ext-artifacts/**'] },
  vite: () => ({ plugins: [datasetModules(), preloadPageModules()] }),
  manifest: ({ browser }) => ({
    name: 'Watchwords',
    description: 'Explains the surveillance tools, vendors, agencies and laws named in the news you read, and keeps your notes on them.',
    // The smallest set that works; why each is needed: docs/permissions.md. No "tabs": a tab's page is known from its
    // content script (sender.url), never from the browser's list of tabs.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus'],
    action: { default_title: 'Watchwords' },
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
        // Firefox for Android knows data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
