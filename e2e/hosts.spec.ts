import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cmsFolder, revalidate } from '../src/config/headers.ts';
import { startNginx } from '../src/tools/nginxServer.ts';
import { startWrangler } from '../src/tools/wranglerServer.ts';
import { describeHost } from './support/hostChecks.ts';
import { at, base, freePort } from './support/site.ts';

/*
 * Proven on the servers the site is deployed on: Debian's nginx with the committed server
 * file (deploy/nginx/), as municipal IT runs it, and Cloudflare Pages' own runtime
 * (`wrangler pages dev`) reading the build's `_headers`. Each is started here on a free port
 * over the build under test, at the root or under the base path, and asked the same things.
 */

describeHost({
  name: 'nginx',
  start: startNginx,
  // The server file sets every header itself; nginx adds no Cache-Control of its own.
  readsHeadersFile: false,
  // It sends the build's own .br copy.
  brotliAnswers: ['br'],
});

describeHost({
  name: 'wrangler pages dev',
  start: startWrangler,
  // Pages sends "public, max-age=0, must-revalidate" where the rules state nothing.
  readsHeadersFile: true,
  // Pages compresses at its edge and chooses the encoding itself.
  brotliAnswers: ['br', 'gzip'],
});

// The editor's folder has a block of its own in the server file (its own policy); a build
// with an editor has files there (e2e/cms.spec.ts serves one at the root). Under a base path
// that block sits inside the site's, whose `set` of the cache header a nested block does not
// run: it must set its own.
test("nginx: the editor's folder is revalidated", { tag: '@base' }, async ({ request }) => {
  const site = mkdtempSync(join(tmpdir(), 'smart-gender-editor-'));
  mkdirSync(join(site, cmsFolder));
  writeFileSync(join(site, cmsFolder, 'index.html'), '<!doctype html><title>editor</title>');
  const server = await startNginx(site, await freePort(), base);
  try {
    const response = await request.get(`${server.origin}${at(`/${cmsFolder}`)}`, { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe(revalidate);
  } finally {
    await server.stop();
    rmSync(site, { recursive: true, force: true });
  }
});

// A request other than GET or HEAD keeps its method into the server file's 404 block, where
// nginx answers any other for a file with 405: an unknown address must still answer 404.
// (The suite's own server is nginx with that file.)
test(
  'nginx: an unknown address asked with POST answers 404, as with GET',
  { tag: '@base' },
  async ({ request }) => {
    for (const path of ['/no-such-page/', '/en/no-such-page/']) {
      const response = await request.post(at(path), { data: 'a=1', maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
    }
  },
);
