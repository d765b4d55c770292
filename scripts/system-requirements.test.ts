import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { needs, planInstall, requirements } from './system-requirements';

const machine = (present: string[], isRoot: boolean) => ({ exists: (path: string) => present.includes(path), isRoot, hasApt: true });
const testNeeds = needs.test.map((name) => requirements[name]);

describe('what npm test and npm start install', () => {
  it('installs every missing package in one apt command when run as root', () => {
    const plan = planInstall(testNeeds, machine([requirements.chromium.binary], true));
    expect(plan).toEqual({ action: 'install', packages: ['firefox-esr', 'rclone', 'apache2'], command: 'apt-get install -y firefox-esr rclone apache2' });
  });

  it('otherwise prints the one command to run, naming what is missing', () => {
    const plan = planInstall(testNeeds, machine([], false));
    expect(plan.action).toBe('ask');
    if (plan.action !== 'ask') return;
    expect(plan.message).toContain('sudo apt-get install -y chromium firefox-esr rclone apache2');
    expect(plan.message).toContain('/usr/bin/firefox-esr');
  });

  it('does nothing when everything is there', () => {
    expect(planInstall(testNeeds, machine(testNeeds.map((r) => r.binary), false))).toEqual({ action: 'nothing' });
  });

  it('npm test checks the machine before it runs any test (a fresh machine once failed with spawn ENOENT)', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts.test!.startsWith('tsx scripts/ensure-system.ts test && ')).toBe(true);
  });

  it('the browsers the test drivers spawn are the ones it installs', async () => {
    const [{ chromiumBinary }, { FIREFOX_BINARY }] = await Promise.all([import('./browsers/chromium'), import('./browsers/firefox')]);
    const installed = testNeeds.map((r) => r.binary);
    expect(installed).toContain(chromiumBinary);
    expect(installed).toContain(FIREFOX_BINARY);
  });

  it('CI runs exactly what a newcomer runs: npm ci and the README test command', () => {
    const ci = readFileSync('.ci/run', 'utf8').split('\n').filter((line) => line.trim() && !line.startsWith('#') && !line.startsWith('set ') && !line.startsWith('cd '));
    expect(ci).toEqual(['npm ci --no-audit --no-fund', 'npm test']);
  });
});
