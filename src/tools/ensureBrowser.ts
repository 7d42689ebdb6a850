/**
 * Makes sure this machine can run the browser tests, the benchmark and the preview-image
 * script: a Chromium to drive and a Thai font for it to draw with (without one, Thai text
 * that is not set in the site's web font, such as the "ไทย" label on English pages, and
 * every screenshot show empty boxes), and for the tests and the benchmark the server the
 * site is read through: Debian's nginx with its brotli module, running the repository's own
 * server file (src/tools/nginxServer.ts). `npm test`, `npm run test:e2e`, `npm run bench`
 * and `npm run og-image` call it first, so a fresh clone needs nothing installed by hand.
 *
 * The order, cheapest and least intrusive first:
 * 1. Playwright's own Chromium, if installed;
 * 2. a system Chromium;
 * 3. Playwright's download (`playwright install chromium`, then `install-deps` as root):
 *    tried before anything touches the system, and it fails within seconds where the
 *    download host is unreachable, which is why it is not run as `--with-deps` (that would
 *    install the system libraries first, for nothing);
 * 4. as root on Debian or Ubuntu, `apt-get update` and `apt-get install` of Chromium's
 *    headless shell (the benchmark: the full `chromium`), `fonts-thai-tlwg` and the nginx
 *    packages, whichever are missing (nginx has no other source: Playwright's download does
 *    not bring one), without the packages these only recommend (a desktop's power, printer
 *    and notification services, Mesa's GPU drivers, Perl): 52 packages instead of 140 and
 *    about 25 s instead of 60 on a bare machine;
 * 5. otherwise, one message in English and Thai that names what to install, and nothing runs.
 *
 * Run directly (`node src/tools/ensureBrowser.ts`) it does the same and exits 1 on failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findChromium, type BrowserUse, type FoundBrowser } from '../config/browser.ts';

/** What the machine has, as far as the choice is concerned. */
export interface Machine {
  browser: FoundBrowser | undefined;
  /** `fc-list :lang=th` lists at least one font. */
  thaiFont: boolean;
  /** nginx with its brotli_static module enabled, as Debian's packages install them. */
  nginx: boolean;
  /** Running as root (apt-get and Playwright's `install-deps` need it). */
  root: boolean;
  /** Debian or Ubuntu, with apt-get. */
  apt: boolean;
}

/** A way of installing what is missing; each is tried at most once. */
export type Attempt = 'playwright' | 'apt';

export type Step =
  | { kind: 'ready'; browser: FoundBrowser }
  | { kind: 'run'; attempt: Attempt; say: string; commands: [string, string[]][] }
  | { kind: 'stop'; message: string };

/**
 * Debian's Chromium for each use (src/config/browser.ts): the headless shell for the browser
 * tests and the preview images, the full browser for the benchmark's Lighthouse.
 */
export const browserPackages: Record<BrowserUse, string> = {
  tests: 'chromium-headless-shell',
  lighthouse: 'chromium',
};
/** The Thai fonts, and fontconfig's tools (`fc-list`, and `fc-cache`, run as it installs). */
export const thaiFontPackages = ['fonts-thai-tlwg', 'fontconfig'];
/** nginx, and the module that sends the build's .br files (`brotli_static`). */
export const nginxPackages = ['nginx-light', 'libnginx-mod-http-brotli-static'];

/** What the caller needs besides a browser and a Thai font. */
export interface Needs {
  /** The site's server, nginx (the tests and the benchmark; not the preview-image script). */
  server: boolean;
  /** What the browser is for; the benchmark's Lighthouse wants the full browser. */
  use?: BrowserUse;
}

/**
 * What to do next, given what the machine has and which attempts were already made.
 * @example nextStep({ browser: undefined, thaiFont: true, root: false, apt: true }, new Set())
 * // { kind: 'run', attempt: 'playwright', ... }
 */
export function nextStep(
  machine: Machine,
  tried: ReadonlySet<Attempt>,
  needs: Needs = { server: false },
): Step {
  const { browser, thaiFont, root, apt } = machine;
  const use = needs.use ?? 'tests';
  const serverMissing = needs.server && !machine.nginx;
  if (browser && thaiFont && !serverMissing) return { kind: 'ready', browser };

  const packages = [
    ...(browser ? [] : [browserPackages[use]]),
    ...(thaiFont ? [] : thaiFontPackages),
    ...(serverMissing ? nginxPackages : []),
  ];
  // nginx comes only from apt, and the Thai font only from apt or, as root, Playwright's
  // `install-deps`: where neither can run, say so now rather than after a download.
  const aptOnly = serverMissing || (!thaiFont && !root);
  if (aptOnly && !(root && apt)) return { kind: 'stop', message: missingMessage(packages, { root, apt }) };

  if (!browser && !tried.has('playwright')) {
    const commands: [string, string[]][] = [['npx', ['playwright', 'install', 'chromium']]];
    if (root) commands.push(['npx', ['playwright', 'install-deps', 'chromium']]);
    return { kind: 'run', attempt: 'playwright', say: "Installing Playwright's Chromium", commands };
  }

  if (root && apt && !tried.has('apt')) {
    return {
      kind: 'run',
      attempt: 'apt',
      say: `Installing ${packages.join(' and ')} from Debian's packages`,
      commands: [
        ['apt-get', ['update', '-qq']],
        ['apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages]],
      ],
    };
  }
  return { kind: 'stop', message: missingMessage(packages, { root, apt }) };
}

/** The one message shown when nothing could be installed: what is missing and how to get it. */
export function missingMessage(packages: string[], { root, apt }: { root: boolean; apt: boolean }): string {
  const why = !apt
    ? 'this is not Debian or Ubuntu'
    : !root
      ? 'installing packages needs root'
      : 'the install failed';
  const whyTh = !apt
    ? 'เครื่องนี้ไม่ใช่ Debian หรือ Ubuntu'
    : !root
      ? 'การติดตั้งแพ็กเกจต้องใช้สิทธิ์ root'
      : 'การติดตั้งไม่สำเร็จ';
  const command = `sudo apt-get install ${packages.join(' ')}`;
  const browserNote = packages.some((p) => p.startsWith('chromium'))
    ? ' (or `npx playwright install --with-deps chromium` where its download works)'
    : '';
  const browserNoteTh = packages.some((p) => p.startsWith('chromium'))
    ? ' (หรือ `npx playwright install --with-deps chromium` หากดาวน์โหลดได้)'
    : '';
  return [
    `The browser tests cannot run: ${packages.join(' and ')} missing, and ${why}. Install with: ${command}${browserNote}`,
    `รันการทดสอบบนเบราว์เซอร์ไม่ได้: ขาด ${packages.join(' และ ')} และ${whyTh} ติดตั้งด้วยคำสั่ง: ${command}${browserNoteTh}`,
  ].join('\n');
}

/** Reads the machine's facts. */
export function readMachine(
  use: BrowserUse = 'tests',
  exists: (path: string) => boolean = existsSync,
): Machine {
  const fonts = spawnSync('fc-list', [':lang=th', 'family'], { encoding: 'utf8' });
  let osRelease = '';
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    // No os-release: not a system apt-get would serve.
  }
  return {
    browser: findChromium(exists, use),
    nginx:
      exists('/usr/sbin/nginx') &&
      exists('/etc/nginx/mime.types') &&
      exists('/etc/nginx/modules-enabled/50-mod-http-brotli-static.conf'),
    // Without fontconfig's fc-list (installed with the Thai font), look for the Thai package's fonts.
    thaiFont: fonts.error
      ? ['/usr/share/fonts/truetype/tlwg', '/usr/share/fonts/opentype/tlwg'].some((dir) => exists(dir))
      : fonts.status === 0 && fonts.stdout.trim() !== '',
    root: process.getuid?.() === 0,
    apt: /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(osRelease) && exists('/usr/bin/apt-get'),
  };
}

/**
 * Finds or installs what the browser tests need; returns the browser, or undefined after
 * printing the message that says what to install.
 */
export function ensureBrowser(needs: Needs = { server: false }): FoundBrowser | undefined {
  const tried = new Set<Attempt>();
  for (;;) {
    const step = nextStep(readMachine(needs.use), tried, needs);
    if (step.kind === 'ready') return step.browser;
    if (step.kind === 'stop') {
      console.error(`\n${step.message}\n`);
      return undefined;
    }
    tried.add(step.attempt);
    console.log(`${step.say}…`);
    for (const [command, args] of step.commands) {
      const result = spawnSync(command, args, {
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
      if (result.status !== 0) {
        const reason = result.stderr.trim().split('\n').find(Boolean) ?? `exit ${String(result.status)}`;
        console.log(`  ${[command, ...args].join(' ')}: failed (${reason})`);
        break;
      }
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Run directly by `npm run test:e2e`: the browser tests read the site through nginx.
  const browser = ensureBrowser({ server: true });
  if (!browser) process.exit(1);
  console.log(`Browser: ${browser.path}`);
}
