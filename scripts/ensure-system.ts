// `tsx scripts/ensure-system.ts test|start:chromium|start:firefox`: installs what that command needs from Debian
// (as root), or prints the one command that does and exits before anything else runs.
import { ensureSystem, needs } from './system-requirements';

const need = process.argv[2];
if (!need || !(need in needs)) {
  console.error(`usage: tsx scripts/ensure-system.ts ${Object.keys(needs).join('|')}`);
  process.exit(2);
}
ensureSystem(need as keyof typeof needs);
