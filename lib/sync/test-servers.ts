import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real WebDAV servers for the sync tests, on 127.0.0.1 only: `rclone serve webdav` and Apache `mod_dav_fs`
 * (`npm test` installs both first: scripts/ensure-system.ts). Each has one user and an empty folder.
 */
export interface TestServer {
  name: 'rclone' | 'apache';
  /** The WebDAV folder sync uses. */
  url: string;
  username: string;
  password: string;
  /** Stops the server (the files stay) — for "server gone mid-sync". */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same files. */
  start(): Promise<void>;
  /** Stops it and removes its files. */
  dispose(): Promise<void>;
}

const username = 'reader';
const password = 'app-password-1';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForPort(port: number, child: ChildProcess | undefined, log: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child && child.exitCode !== null) throw new Error(`The test server stopped: ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('connect', () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`The test server did not start: ${log()}`);
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 3000);
  });
}

/** Runs a server process on `port` (again after `stop`), and the TestServer around it. */
async function serve(name: TestServer['name'], dir: string, port: number, command: string, args: string[]): Promise<TestServer> {
  let child: ChildProcess | undefined;
  let output = '';
  const start = async () => {
    output = '';
    child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    await waitForPort(port, child, () => output);
  };
  await start();
  return {
    name,
    url: `http://127.0.0.1:${port}/Watchwords/`,
    username,
    password,
    stop: () => stopChild(child),
    start,
    dispose: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startRclone(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'webdav-rclone-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  const port = await freePort();
  return serve('rclone', dir, port, 'rclone', ['serve', 'webdav', data, '--addr', `127.0.0.1:${port}`, '--user', username, '--pass', password, '--config', join(dir, 'rclone.conf')]);
}

export async function startApache(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'webdav-apache-'));
  const root = join(dir, 'root');
  const locks = join(dir, 'locks');
  mkdirSync(root);
  mkdirSync(locks);
  const port = await freePort();
  spawnSync('htpasswd', ['-bc', join(dir, 'htpasswd'), username, password]);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // Apache started as root serves as www-data: it must own what it writes.
    chmodSync(dir, 0o755);
    for (const path of [root, locks]) chownSync(path, 33, 33);
  }
  const modules = ['mpm_event', 'authz_core', 'authz_user', 'authn_core', 'authn_file', 'auth_basic', 'dav', 'dav_fs'];
  const conf = [
    `ServerRoot "${dir}"`,
    `Listen 127.0.0.1:${port}`,
    'ServerName 127.0.0.1',
    `PidFile "${join(dir, 'httpd.pid')}"`,
    `ErrorLog "${join(dir, 'error.log')}"`,
    ...modules.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`),
    ...(asRoot ? ['User www-data', 'Group www-data'] : []),
    `DavLockDB "${join(locks, 'DavLock')}"`,
    `DocumentRoot "${root}"`,
    `<Directory "${root}">`,
    '  Dav On',
    '  AuthType Basic',
    '  AuthName "Watchwords test"',
    `  AuthUserFile "${join(dir, 'htpasswd')}"`,
    '  Require valid-user',
    '</Directory>',
  ].join('\n');
  writeFileSync(join(dir, 'httpd.conf'), `${conf}\n`);
  return serve('apache', dir, port, 'apache2', ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND']);
}
