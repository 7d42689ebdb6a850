/**
 * `node src/tools/nginxServer.ts [--dir dist] [--port 4399] [--base /]`: serves a built site
 * with Debian's nginx and the repository's own server file (`deploy/nginx/`), as municipal IT
 * runs it. The browser tests and the benchmark read the site through it, so what they check
 * is what that file makes nginx send. Only what the file marks EDIT (host, folder) and the
 * port are filled in; everything else is the committed file as it stands.
 *
 * nginx runs as its own master in the foreground, with its pid, log and temporary files in a
 * temporary folder, so it needs no system service and leaves nothing behind.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { normaliseBase } from '../config/deploy.ts';
import { serveFromCommandLine } from './serveCli.ts';
import { editLines, nginxFiles } from '../config/nginx.ts';

/** Where Debian's package puts the binary. */
export const nginxBinary = '/usr/sbin/nginx';

/**
 * A whole `nginx.conf` around the committed server file, its EDIT lines filled in: modules as
 * Debian enables them, one worker, pid, log and temporary paths under `prefix`.
 */
export function testConfig(server: string, options: { root: string; port: number; prefix: string }): string {
  const filled = server
    .replace(/^(\s*)listen [^;]+;/m, `$1listen 127.0.0.1:${options.port};`)
    .replace(editLines.serverName, '$1server_name localhost;')
    .replace(editLines.root, `$1root ${options.root};`);
  return [
    // As root, nginx would hand requests to "nobody", who cannot read a build in a private
    // temporary folder: the test server's workers stay the user who started it.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'include /etc/nginx/modules-enabled/*.conf;',
    `pid ${options.prefix}/nginx.pid;`,
    'worker_processes 1;',
    `error_log ${options.prefix}/error.log warn;`,
    'events { worker_connections 256; }',
    'http {',
    '    access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (k) => `    ${k}_temp_path ${options.prefix}/${k};`,
    ),
    filled,
    '}',
    '',
  ].join('\n');
}

/** A running nginx: its address and how to stop it. */
export interface RunningServer {
  origin: string;
  /** Stops nginx and, once it has exited, removes its temporary folder. */
  stop(): Promise<void>;
}

/** Resolves once something listens on `port`, or rejects after `ms`. */
async function listening(port: number, ms: number, failed: () => string | undefined): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const error = failed();
    if (error !== undefined) throw new Error(error);
    const open = await new Promise<boolean>((ok) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => {
        socket.end();
        ok(true);
      });
      socket.on('error', () => {
        ok(false);
      });
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nginx did not listen on port ${port} within ${ms} ms`);
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

/**
 * Starts nginx on `port` for the site built into `dir` for `base`. Under a base path the
 * site's folder is a link named after it, as an administrator would upload it.
 */
export async function startNginx(dir: string, port: number, baseSetting = '/'): Promise<RunningServer> {
  if (!existsSync(nginxBinary))
    throw new Error(`${nginxBinary} is missing: run node src/tools/ensureBrowser.ts`);
  const base = normaliseBase(baseSetting);
  const prefix = mkdtempSync(join(tmpdir(), 'smart-gender-nginx-'));
  let root = resolve(dir);
  if (base !== '/') {
    root = join(prefix, 'www');
    const folders = base.split('/').filter(Boolean);
    const parent = join(root, ...folders.slice(0, -1));
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a base other than "/" has a folder.
    const name = folders.at(-1)!;
    mkdirSync(parent, { recursive: true });
    symlinkSync(resolve(dir), join(parent, name), 'dir');
  }
  const file = nginxFiles[base];
  if (!file)
    throw new Error(
      `deploy/nginx/ has no server file for ${base}: use one of ${Object.keys(nginxFiles).join(', ')}`,
    );
  const config = join(prefix, 'nginx.conf');
  writeFileSync(config, testConfig(readFileSync(file, 'utf8'), { root, port, prefix }));
  const nginx = spawn(nginxBinary, ['-c', config, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let exited: number | null | undefined;
  nginx.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  nginx.on('exit', (code) => (exited = code));
  const stop = async () => {
    if (exited === undefined) {
      const gone = new Promise((done) => nginx.once('exit', done));
      nginx.kill('SIGQUIT');
      await gone;
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  try {
    await listening(port, 10_000, () =>
      exited === undefined ? undefined : `nginx exited (${String(exited)}): ${stderr || readLog(prefix)}`,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin: `http://127.0.0.1:${port}`, stop };
}

function readLog(prefix: string): string {
  const log = join(prefix, 'error.log');
  return existsSync(log) ? readFileSync(log, 'utf8') : '';
}

if (import.meta.main) await serveFromCommandLine('nginx', 4399, startNginx);
