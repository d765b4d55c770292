import { launchFirefox } from './ff.ts';
import { serveFolder } from '../scripts/browsers/static-server.ts';
import { firefoxBuild, firefoxAddonId } from '../scripts/browsers/watchwords-page.ts';
const server = await serveFolder('/work/main/tests/pages');
const s: any = await launchFirefox({ extensionDir: firefoxBuild, addonId: firefoxAddonId() });
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
try {
  await s.goto(`${server.origin}/dark.html`);
  const bidi = s.bidi;
  await sleep(1000);
  console.log('highlights', await s.evaluate(`CSS.highlights.size`));
  await bidi.send('input.performActions', { context: s.context, actions: [{ type: 'key', id: 'kb', actions: [
    { type: 'keyDown', value: '\uE00A' }, { type: 'keyDown', value: '\uE008' }, { type: 'keyDown', value: 'W' }, { type: 'keyUp', value: 'W' }, { type: 'keyUp', value: '\uE008' }, { type: 'keyUp', value: '\uE00A' }] }] });
  await sleep(1000);
  console.log('real key → dialogs', JSON.stringify(await s.accessible('dialog')), await s.evaluate(`document.activeElement?.localName`));
  const tree: any = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeCtx = tree.contexts[0].context;
  const r: any = await bidi.send('script.evaluate', { expression: `(() => {
    const keys = [...document.querySelectorAll('keyset[id^="ext-keyset-id-"] key')].map(k => [k.id, k.getAttribute('key'), k.getAttribute('modifiers'), k.parentNode.id]);
    return JSON.stringify(keys);
  })()`, target: { context: chromeCtx }, awaitPromise: true });
  console.log(JSON.stringify(r.result ?? r));
  const r2: any = await bidi.send('script.evaluate', { expression: `(() => {
    const key = [...document.querySelectorAll('keyset[id^="ext-keyset-id-"] key')].find(k => k.getAttribute('key') === 'W');
    key.dispatchEvent(new Event('command')); return key.getAttribute('key');
  })()`, target: { context: chromeCtx }, awaitPromise: true });
  console.log(JSON.stringify(r2.result ?? r2));
  await sleep(1000);
  console.log('doCommand → dialogs', JSON.stringify(await s.accessible('dialog')), await s.evaluate(`document.activeElement?.localName`));
} finally { await s.close(); await server.close(); }
