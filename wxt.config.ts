import { defineConfig } from 'wxt';
import { manifestCommands } from './core/commands';
import { datasetModules } from './scripts/dataset-modules';
import { preloadPageModules } from './scripts/preload-page-modules';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  vite: () => ({ plugins: [datasetModules(), preloadPageModules()] }),
  manifest: ({ browser }) => ({
    name: 'Watchwords',
    description: 'Explains the surveillance tools, vendors, agencies and laws named in the news you read, and keeps your notes on them.',
    permissions: ['storage', 'unlimitedStorage', 'tabs', 'contextMenus'],
    // Asked at run time for one site only, when the reader imports a pack from an address they typed (and given
    // back after that one read): Watchwords contacts nothing else.
    // Manifest V2 (Firefox) lists host permissions among the optional permissions.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*'] as never[] } : { optional_host_permissions: ['https://*/*'] }),
    action: { default_title: 'Watchwords' },
    commands: manifestCommands(),
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
