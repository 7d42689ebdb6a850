/**
 * `node src/tools/wranglerServer.ts [--dir dist] [--port 8788] [--base /]`: serves a built
 * site with Cloudflare Pages' own runtime (`wrangler pages dev`, which runs workerd, offline),
 * so the tests check what Pages makes of the build: its `_headers`, `404.html`, redirects to
 * the folder form of an address, content types and compression.
 *
 * Pages serves a folder at the root of its host. Under a base path the folder it is given
 * holds the site's folder (a link named after the base path) and the build's `_headers` at
 * its top, whose rules already carry the base path: the site as one would upload it.
 * Wrangler runs in a temporary folder, with its state (`.wrangler/`, `--persist-to`), logs
 * and settings there too, so it leaves nothing in the repository or the home folder.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { normaliseBase } from '../config/deploy.ts';
import { freePort } from './freePort.ts';
import { serveFromCommandLine } from './serveCli.ts';

/**
 * The compatibility date the site runs at, as a Pages project is pinned to one. Wrangler
 * refuses to start without it once today is newer than its bundled workerd supports, and a
 * fixed date keeps the runtime's behaviour from changing with the day the tests run. It must
 * not be newer than the bundled workerd's own date (`npx workerd --version`).
 */
export const compatibilityDate = '2026-05-01';

/** A running `wrangler pages dev`: its address, and how to stop it (resolves once it has). */
export interface WranglerServer {
  origin: string;
  stop(): Promise<void>;
}

/** How long wrangler may take to say it is ready (it bundles a worker and starts workerd). */
const startTimeout = 60_000;

/** wrangler's entry point, run with this Node (wrangler needs Node 22.12 or newer). */
function wranglerEntry(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');
}

/**
 * Starts `wrangler pages dev` on `port` for the site built into `dir` for `base`. `stop()`
 * ends wrangler and its workerd children (one process group) and removes the temporary folder.
 */
export async function startWrangler(dir: string, port: number, baseSetting = '/'): Promise<WranglerServer> {
  const base = normaliseBase(baseSetting);
  const site = resolve(dir);
  if (!existsSync(join(site, 'index.html'))) throw new Error(`${dir}/ has no build: run npm run build`);
  const temp = mkdtempSync(join(tmpdir(), 'smart-gender-wrangler-'));
  let served = site;
  if (base !== '/') {
    served = join(temp, 'www');
    const folders = base.split('/').filter(Boolean);
    mkdirSync(join(served, ...folders.slice(0, -1)), { recursive: true });
    symlinkSync(site, join(served, ...folders), 'dir');
    if (existsSync(join(site, '_headers'))) copyFileSync(join(site, '_headers'), join(served, '_headers'));
  }
  const child = spawn(
    process.execPath,
    [
      wranglerEntry(),
      'pages',
      'dev',
      served,
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--compatibility-date',
      compatibilityDate,
      '--persist-to',
      join(temp, 'state'),
      '--show-interactive-dev-session=false',
      // Its DevTools port too: the default, 9229, would keep a second wrangler from starting
      // while one runs (two test workers, or a developer's own).
      '--inspector-port',
      String(await freePort()),
    ],
    {
      cwd: temp,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: 'false',
        CI: '1',
        XDG_CONFIG_HOME: join(temp, 'config'),
        WRANGLER_LOG_PATH: join(temp, 'logs'),
      },
    },
  );
  let output = '';
  let exited: string | undefined;
  const exit = new Promise<void>((done) => {
    child.on('exit', (code, signal) => {
      exited = signal ?? String(code);
      done();
    });
  });
  const ready = new Promise<void>((done) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready on')) done();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
  });

  const stop = async () => {
    const { pid } = child;
    if (pid !== undefined) {
      const kill = (signal: NodeJS.Signals) => {
        try {
          process.kill(-pid, signal);
        } catch {
          // No process of the group is left.
        }
      };
      // The whole group, even when wrangler itself has exited: workerd may outlive it.
      kill('SIGTERM');
      const killed = setTimeout(() => {
        kill('SIGKILL');
      }, 5_000);
      await exit;
      clearTimeout(killed);
    }
    rmSync(temp, { recursive: true, force: true });
  };

  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    exit.then(() => 'exited' as const),
    new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), startTimeout))),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    await stop();
    throw new Error(
      outcome === 'exited'
        ? `wrangler pages dev exited (${String(exited)}):\n${output}`
        : `wrangler pages dev was not ready on port ${port} within ${startTimeout} ms:\n${output}`,
    );
  }
  return { origin: `http://127.0.0.1:${port}`, stop };
}

if (import.meta.main) await serveFromCommandLine('wrangler pages dev', 8788, startWrangler);
