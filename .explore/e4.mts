import { launchFirefox } from './ff.ts';
import { serveFolder } from '../scripts/browsers/static-server.ts';
import { firefoxBuild, firefoxAddonId } from '../scripts/browsers/watchwords-page.ts';
const server = await serveFolder('/work/main/tests/pages');
const s: any = await launchFirefox({ extensionDir: firefoxBuild, addonId: firefoxAddonId() });
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
try {
  await s.goto(`${server.origin}/dark.html`);
  const bidi = s.bidi;
  const tree: any = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeCtx = tree.contexts[0].context;
  const r: any = await bidi.send('script.evaluate', { expression: `(() => {
    const { NavigableManager } = ChromeUtils.importESModule("chrome://remote/content/shared/NavigableManager.sys.mjs");
    const tab = gBrowser.addTab(${JSON.stringify(s.extensionOrigin + '/options.html')}, { inBackground: true, triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
    return NavigableManager.getIdForBrowser(tab.linkedBrowser);
  })()`, target: { context: chromeCtx }, awaitPromise: true });
  console.log(JSON.stringify(r.result ?? r));
  const id = r.result.value;
  await sleep(1500);
  console.log(JSON.stringify(await bidi.send('browsingContext.getTree', {})));
  const r2 = await bidi.send('script.evaluate', { expression: `(async () => { const [tab] = await browser.tabs.query({active: true, currentWindow: true}); return JSON.stringify([location.href, tab.url, await browser.storage.local.get(null)]); })()`, target: { context: id }, awaitPromise: true });
  console.log(JSON.stringify(r2));
} finally { await s.close(); await server.close(); }
