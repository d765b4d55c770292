import { launchFirefox } from './ff.ts';
import { serveFolder } from '../scripts/browsers/static-server.ts';
import { firefoxBuild, firefoxAddonId } from '../scripts/browsers/watchwords-page.ts';
const server = await serveFolder('/work/main/tests/pages');
const s: any = await launchFirefox({ extensionDir: firefoxBuild, addonId: firefoxAddonId() });
try {
  await s.goto(`${server.origin}/dark.html`);
  const bidi = s.bidi;
  const tree: any = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeCtx = tree.contexts[0].context;
  const r: any = await bidi.send('script.evaluate', { expression: `(() => {
    const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
    const { TabManager } = ChromeUtils.importESModule("chrome://remote/content/shared/TabManager.sys.mjs");
    const ext = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(firefoxAddonId())});
    const view = [...ext.views].find(v => v.viewType === 'background');
    return TabManager.getIdForBrowsingContext(view.xulBrowser.browsingContext);
  })()`, target: { context: chromeCtx }, awaitPromise: true });
  console.log(JSON.stringify(r));
  const id = r.result.value;
  for (const params of [{ target: { context: id } }, { target: { context: id }, 'moz:scope': 'chrome' }]) {
    try {
      const r2 = await bidi.send('script.evaluate', { expression: `(async () => { const [tab] = await browser.tabs.query({active: true}); return JSON.stringify([location.href, tab.url]); })()`, awaitPromise: true, ...params });
      console.log('eval', JSON.stringify(r2));
    } catch (e) { console.log('err', String(e)); }
  }
  console.log(JSON.stringify(await bidi.send('script.getRealms', {})));
} finally { await s.close(); await server.close(); }
