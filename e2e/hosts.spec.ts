import { startNginx } from '../src/tools/nginxServer.ts';
import { startWrangler } from '../src/tools/wranglerServer.ts';
import { describeHost } from './support/hostChecks.ts';

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
