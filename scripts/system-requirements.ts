// What the project needs from the operating system (Debian packages), and the one place that installs it.
// `npm start` and `npm test` both call `ensureSystem` first, so a fresh machine needs nothing done by hand.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemRequirement {
  /** What it is for, in a reader's words. */
  purpose: string;
  /** The program that must exist. */
  binary: string;
  /** The Debian package that provides it. */
  debianPackage: string;
}

export const chromiumBinary = process.env.WATCHWORDS_CHROMIUM ?? '/usr/bin/chromium';
export const firefoxBinary = process.env.WATCHWORDS_FIREFOX ?? '/usr/bin/firefox-esr';

export const requirements = {
  chromium: { purpose: 'Chromium, to run Watchwords', binary: chromiumBinary, debianPackage: 'chromium' },
  firefox: { purpose: 'Firefox ESR, to run Watchwords', binary: firefoxBinary, debianPackage: 'firefox-esr' },
  rclone: { purpose: 'a WebDAV server (rclone serve webdav) for the sync tests', binary: '/usr/bin/rclone', debianPackage: 'rclone' },
  apache: { purpose: 'a WebDAV server (Apache mod_dav_fs) for the sync tests', binary: '/usr/sbin/apache2', debianPackage: 'apache2' },
} satisfies Record<string, SystemRequirement>;
export type RequirementName = keyof typeof requirements;

/** What each command needs. */
export const needs = {
  'start:chromium': ['chromium'],
  'start:firefox': ['firefox'],
  test: ['chromium', 'firefox', 'rclone', 'apache'],
} satisfies Record<string, RequirementName[]>;

export type Plan =
  | { action: 'nothing' }
  | { action: 'install'; packages: string[]; command: string }
  | { action: 'ask'; packages: string[]; command: string; message: string };

/** Decides what to do about missing requirements; pure, so it is tested without touching the machine. */
export function planInstall(wanted: readonly SystemRequirement[], machine: { exists(path: string): boolean; isRoot: boolean; hasApt: boolean }): Plan {
  const missing = wanted.filter((requirement) => !machine.exists(requirement.binary));
  if (!missing.length) return { action: 'nothing' };
  const packages = [...new Set(missing.map((requirement) => requirement.debianPackage))];
  const command = `apt-get install -y ${packages.join(' ')}`;
  if (machine.isRoot && machine.hasApt) return { action: 'install', packages, command };
  const what = missing.map((requirement) => `${requirement.purpose} (${requirement.binary})`).join('; ');
  return { action: 'ask', packages, command, message: `Missing: ${what}. Install with this one command, then run it again:\n  sudo ${command}` };
}

/** Installs what `need` lacks (as root, with apt) or prints the one command to run and exits before anything runs. */
export function ensureSystem(need: keyof typeof needs): void {
  const wanted = needs[need].map((name) => requirements[name]);
  const plan = planInstall(wanted, { exists: existsSync, isRoot: process.getuid?.() === 0, hasApt: existsSync('/usr/bin/apt-get') });
  if (plan.action === 'nothing') return;
  if (plan.action === 'ask') {
    console.error(plan.message);
    process.exit(1);
  }
  console.log(`Installing ${plan.packages.join(', ')} (${plan.command})…`);
  const result = spawnSync('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${plan.command} -qq`], { stdio: 'inherit' });
  const still = wanted.filter((requirement) => !existsSync(requirement.binary));
  if (result.status !== 0 || still.length) {
    console.error(`Installing failed; still missing: ${still.map((r) => r.binary).join(', ') || '(none, but apt-get failed)'}.`);
    process.exit(1);
  }
}
