import { launchFirefox } from './ff.ts';
import { serveFolder } from '../scripts/browsers/static-server.ts';
import { firefoxBuild, firefoxAddonId } from '../scripts/browsers/watchwords-page.ts';
const server = await serveFolder('/work/main/tests/pages');
const s: any = await launchFirefox({ extensionDir: firefoxBuild, addonId: firefoxAddonId() });
try {
  await s.goto(`${server.origin}/dark.html`);
  const bidi = s.bidi;
  const tree: any = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  console.log(JSON.stringify(tree, null, 1));
  const chromeCtx = tree.contexts[0].context;
  const r = await bidi.send('script.evaluate', { expression: `(() => {
    const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
    const ext = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(firefoxAddonId())});
    const views = [...ext.views].map(v => ({ type: v.viewType, hasBrowser: !!v.xulBrowser, bc: v.xulBrowser?.browsingContext?.id, browserId: v.xulBrowser?.browserId, uri: v.uri?.spec }));
    return JSON.stringify(views);
  })()`, target: { context: chromeCtx }, awaitPromise: true });
  console.log(JSON.stringify(r));
} finally { await s.close(); await server.close(); }
