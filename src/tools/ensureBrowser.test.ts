import { describe, expect, it } from 'vitest';
import {
  browserPackages,
  missingMessage,
  nextStep,
  nginxPackages,
  readMachine,
  type Attempt,
  type Machine,
} from './ensureBrowser.ts';

const own = { path: '/root/.cache/ms-playwright/chromium/chrome', source: 'playwright' } as const;
const debian = { path: '/usr/bin/chromium', source: 'system' } as const;
const bare: Machine = { browser: undefined, thaiFont: false, nginx: false, root: true, apt: true };
const none = new Set<Attempt>();
const aptInstall = ['install', '-y', '-qq', '--no-install-recommends'];
const thaiFont = ['fonts-thai-tlwg', 'fontconfig'];

describe('finding or installing a browser', () => {
  it("uses Playwright's Chromium, or a system one, when a Thai font is there too", () => {
    expect(nextStep({ ...bare, browser: own, thaiFont: true }, none)).toEqual({
      kind: 'ready',
      browser: own,
    });
    expect(nextStep({ ...bare, browser: debian, thaiFont: true }, none)).toEqual({
      kind: 'ready',
      browser: debian,
    });
  });

  it("tries Playwright's download first, with its system libraries only as root", () => {
    const asRoot = nextStep(bare, none);
    expect(asRoot).toMatchObject({ kind: 'run', attempt: 'playwright' });
    expect(asRoot.kind === 'run' && asRoot.commands).toEqual([
      ['npx', ['playwright', 'install', 'chromium']],
      ['npx', ['playwright', 'install-deps', 'chromium']],
    ]);
    const asUser = nextStep({ ...bare, root: false, thaiFont: true }, none);
    expect(asUser.kind === 'run' && asUser.commands).toEqual([
      ['npx', ['playwright', 'install', 'chromium']],
    ]);
  });

  it("then installs Chromium's headless shell and the Thai font from Debian in one apt-get run, as root, without what they only recommend", () => {
    const step = nextStep(bare, new Set(['playwright']));
    expect(step).toMatchObject({ kind: 'run', attempt: 'apt' });
    expect(step.kind === 'run' && step.commands).toEqual([
      ['apt-get', ['update', '-qq']],
      ['apt-get', [...aptInstall, 'chromium-headless-shell', ...thaiFont]],
    ]);
  });

  it('stops at once, before any download, when what is missing comes only from apt and apt cannot run', () => {
    // nginx has no other source; without root, neither has the Thai font.
    const userWithoutNginx = nextStep({ ...bare, root: false, thaiFont: true }, none, { server: true });
    expect(userWithoutNginx.kind === 'stop' && userWithoutNginx.message).toContain(
      'sudo apt-get install chromium-headless-shell nginx-light libnginx-mod-http-brotli-static',
    );
    expect(nextStep({ ...bare, root: false }, none)).toMatchObject({ kind: 'stop' });
    expect(nextStep({ ...bare, apt: false, thaiFont: true }, none, { server: true })).toMatchObject({
      kind: 'stop',
    });
    // A download can still bring what is missing: it is tried first.
    expect(
      nextStep({ ...bare, thaiFont: true, nginx: true, root: false }, none, { server: true }),
    ).toMatchObject({
      kind: 'run',
      attempt: 'playwright',
    });
  });

  it('gets the full browser for the benchmark, which the headless shell cannot stand in for', () => {
    const shellOnly = (path: string) => path === '/usr/bin/chromium-headless-shell';
    expect(readMachine('tests', shellOnly).browser).toEqual({
      path: '/usr/bin/chromium-headless-shell',
      source: 'system',
    });
    expect(readMachine('lighthouse', shellOnly).browser).toBeUndefined();
    const lighthouse = { server: false, use: 'lighthouse' } as const;
    const step = nextStep({ ...bare, thaiFont: true }, new Set(['playwright']), lighthouse);
    expect(step.kind === 'run' && step.commands[1]).toEqual(['apt-get', [...aptInstall, 'chromium']]);
    expect(nextStep({ ...bare, browser: debian, thaiFont: true }, none, lighthouse)).toMatchObject({
      kind: 'ready',
    });
  });

  it('installs only the Thai font when a browser is there, whichever it is', () => {
    for (const browser of [own, debian]) {
      const step = nextStep({ ...bare, browser }, none);
      expect(step.kind === 'run' && step.commands[1]).toEqual(['apt-get', [...aptInstall, ...thaiFont]]);
    }
  });

  it('stops with one message naming what to install when nothing more can be tried', () => {
    const notRoot = nextStep({ ...bare, root: false }, new Set(['playwright']));
    expect(notRoot).toEqual({
      kind: 'stop',
      message: missingMessage([browserPackages.tests, ...thaiFont], { root: false, apt: true }),
    });
    expect(notRoot.kind === 'stop' && notRoot.message).toContain(
      'sudo apt-get install chromium-headless-shell fonts-thai-tlwg fontconfig',
    );
    expect(notRoot.kind === 'stop' && notRoot.message).toContain('installing packages needs root');
    expect(notRoot.kind === 'stop' && notRoot.message).toContain('ต้องใช้สิทธิ์ root');

    const failed = nextStep(bare, new Set<Attempt>(['playwright', 'apt']));
    expect(failed.kind === 'stop' && failed.message).toContain('the install failed');

    const elsewhere = nextStep({ ...bare, apt: false, browser: debian }, none);
    expect(elsewhere.kind === 'stop' && elsewhere.message).toMatch(
      /fonts-thai-tlwg and fontconfig missing, and this is not Debian or Ubuntu/,
    );
    expect(elsewhere.kind === 'stop' && elsewhere.message).not.toContain('chromium');
  });

  it('installs nginx with its brotli module for the tests, with whatever else is missing, never for the preview images', () => {
    const ready = { ...bare, browser: debian, thaiFont: true };
    expect(nextStep(ready, none)).toMatchObject({ kind: 'ready' });
    const server = nextStep(ready, none, { server: true });
    expect(server.kind === 'run' && server.commands[1]).toEqual([
      'apt-get',
      [...aptInstall, 'nginx-light', 'libnginx-mod-http-brotli-static'],
    ]);
    const all = nextStep(bare, new Set(['playwright']), { server: true });
    expect(all.kind === 'run' && all.commands[1]).toEqual([
      'apt-get',
      [...aptInstall, browserPackages.tests, ...thaiFont, ...nginxPackages],
    ]);
    expect(nextStep({ ...ready, nginx: true }, none, { server: true })).toMatchObject({ kind: 'ready' });
    const user = nextStep({ ...ready, root: false }, none, { server: true });
    expect(user.kind === 'stop' && user.message).toContain(
      'sudo apt-get install nginx-light libnginx-mod-http-brotli-static',
    );
  });
});
