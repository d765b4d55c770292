// `npm start [-- --browser firefox]`: builds Watchwords and opens the bundled demo article with it loaded.
// With a display, a real browser window stays open until you close it. Without one, the browser runs headless,
// writes demo.png (a card open on the article) and prints the mentions Watchwords found.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { launchChromium } from './browsers/chromium';
import { launchFirefox } from './browsers/firefox';
import type { BrowserSession } from './browsers/session';
import { serveFolder } from './browsers/static-server';
import { ensureSystem } from './system-requirements';
import { chromeBuild, firefoxAddonId, firefoxBuild, highlightedTexts, hoverCard, root, waitFor } from './browsers/watchwords-page';

const browsers = {
  chromium: { build: ['build'] },
  firefox: { build: ['build:firefox'] },
};
type BrowserName = keyof typeof browsers;

function fail(message: string): never {
  console.error(`start: ${message}`);
  process.exit(1);
}

function parseArgs(args: string[]): { browser: BrowserName; headless: boolean } {
  let browser: BrowserName = 'chromium';
  let headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--browser') {
      const value = args[++i];
      if (value !== 'chromium' && value !== 'firefox') fail('--browser takes chromium or firefox');
      browser = value;
    } else if (arg === '--headless') headless = true;
    else fail(`unknown option ${arg} (options: --browser chromium|firefox, --headless)`);
  }
  return { browser, headless };
}

function build(name: BrowserName): void {
  console.log(`Building Watchwords for ${name}…`);
  const result = spawnSync('npm', ['run', '--silent', ...browsers[name].build], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) fail(`the build failed:\n${result.stdout}${result.stderr}`);
}

async function main(): Promise<void> {
  const { browser, headless } = parseArgs(process.argv.slice(2));
  ensureSystem(`start:${browser}`);
  build(browser);
  const server = await serveFolder(join(root, 'demo'));
  const article = `${server.origin}/article.html`;
  const session: BrowserSession =
    browser === 'chromium'
      ? await launchChromium({ extensionDir: chromeBuild, headless })
      : await launchFirefox({ extensionDir: firefoxBuild, addonId: firefoxAddonId(), headless });
  try {
    await session.goto(article);
    // Scanning runs in slices: wait until the highlights stop changing.
    let previous = '';
    let steady = 0;
    const byKind = await waitFor('Watchwords to highlight the article', async () => {
      const found = await highlightedTexts(session);
      const key = JSON.stringify(found);
      steady = key === previous && Object.keys(found).length ? steady + 1 : 0;
      previous = key;
      return steady >= 3 ? found : undefined;
    }, 15_000);
    printMentions(byKind);
    if (!headless) {
      console.log(`\nThe demo article is open in ${browser} at ${article}. Rest the pointer on an underlined term; close the browser to stop.`);
      await new Promise<void>((done) => process.once('SIGINT', done).once('SIGTERM', done));
      return;
    }
    await hoverCard(session, 'Clearview AI', 'Clearview AI');
    const screenshot = join(root, 'demo.png');
    await session.screenshot(screenshot);
    console.log(`\nNo display, so ${browser} ran headless: ${screenshot} shows the card for Clearview AI on the demo article.`);
  } finally {
    await session.close();
    await server.close();
  }
}

function printMentions(byKind: Record<string, string[]>): void {
  const total = Object.values(byKind).reduce((sum, texts) => sum + texts.length, 0);
  console.log(`\nWatchwords found ${total} mentions on the demo article:`);
  for (const [name, texts] of Object.entries(byKind).sort()) {
    const counts = new Map<string, number>();
    for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
    const list = [...counts].map(([text, count]) => (count > 1 ? `${text} ×${count}` : text)).join(', ');
    console.log(`  ${name.replace('watchwords-', '').padEnd(8)} ${list}`);
  }
}

main().catch((error: Error) => fail(error.message));
