import { describe, expect, it } from 'vitest';
import {
  browserPackages,
  missingMessage,
  nextStep,
  nginxPackages,
  type Attempt,
  type Machine,
} from './ensureBrowser.ts';

const own = { path: '/root/.cache/ms-playwright/chromium/chrome', source: 'playwright' } as const;
const debian = { path: '/usr/bin/chromium', source: 'system' } as const;
const bare: Machine = { browser: undefined, thaiFont: false, nginx: false, root: true, apt: true };
const none = new Set<Attempt>();
const aptInstall = ['install', '-y', '-qq', '--no-install-recommends'];

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
    const asUser = nextStep({ ...bare, root: false }, none);
    expect(asUser.kind === 'run' && asUser.commands).toEqual([
      ['npx', ['playwright', 'install', 'chromium']],
    ]);
  });

  it("then installs Chromium's headless shell and the Thai font from Debian in one apt-get run, as root, without what they only recommend", () => {
    const step = nextStep(bare, new Set(['playwright']));
    expect(step).toMatchObject({ kind: 'run', attempt: 'apt' });
    expect(step.kind === 'run' && step.commands).toEqual([
      ['apt-get', ['update', '-qq']],
      ['apt-get', [...aptInstall, 'chromium-headless-shell', 'fonts-thai-tlwg']],
    ]);
  });

  it('gets the full browser for the benchmark, which the headless shell cannot stand in for', () => {
    const lighthouse = { server: false, use: 'lighthouse' } as const;
    const shell = { path: '/usr/bin/chromium-headless-shell', source: 'system' } as const;
    const shellOnly = nextStep(
      { ...bare, browser: shell, thaiFont: true },
      new Set(['playwright']),
      lighthouse,
    );
    expect(shellOnly.kind === 'run' && shellOnly.commands[1]).toEqual([
      'apt-get',
      [...aptInstall, 'chromium'],
    ]);
    expect(nextStep({ ...bare, browser: shell, thaiFont: true }, none)).toMatchObject({ kind: 'ready' });
    expect(nextStep({ ...bare, browser: debian, thaiFont: true }, none, lighthouse)).toMatchObject({
      kind: 'ready',
    });
    expect(nextStep({ ...bare, browser: own, thaiFont: true }, none, lighthouse)).toMatchObject({
      kind: 'ready',
    });
  });

  it('installs only the Thai font when a browser is there, whichever it is', () => {
    for (const browser of [own, debian]) {
      const step = nextStep({ ...bare, browser }, none);
      expect(step.kind === 'run' && step.commands[1]).toEqual([
        'apt-get',
        [...aptInstall, 'fonts-thai-tlwg'],
      ]);
    }
  });

  it('stops with one message naming what to install when nothing more can be tried', () => {
    const notRoot = nextStep({ ...bare, root: false }, new Set(['playwright']));
    expect(notRoot).toEqual({
      kind: 'stop',
      message: missingMessage([browserPackages.tests, 'fonts-thai-tlwg'], { root: false, apt: true }),
    });
    expect(notRoot.kind === 'stop' && notRoot.message).toContain(
      'sudo apt-get install chromium-headless-shell fonts-thai-tlwg',
    );
    expect(notRoot.kind === 'stop' && notRoot.message).toContain('installing packages needs root');
    expect(notRoot.kind === 'stop' && notRoot.message).toContain('ต้องใช้สิทธิ์ root');

    const failed = nextStep(bare, new Set<Attempt>(['playwright', 'apt']));
    expect(failed.kind === 'stop' && failed.message).toContain('the install failed');

    const elsewhere = nextStep({ ...bare, apt: false, browser: debian }, none);
    expect(elsewhere.kind === 'stop' && elsewhere.message).toMatch(
      /fonts-thai-tlwg missing, and this is not Debian or Ubuntu/,
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
      [...aptInstall, browserPackages.tests, 'fonts-thai-tlwg', ...nginxPackages],
    ]);
    expect(nextStep({ ...ready, nginx: true }, none, { server: true })).toMatchObject({ kind: 'ready' });
    const user = nextStep({ ...ready, root: false }, none, { server: true });
    expect(user.kind === 'stop' && user.message).toContain(
      'sudo apt-get install nginx-light libnginx-mod-http-brotli-static',
    );
  });
});
