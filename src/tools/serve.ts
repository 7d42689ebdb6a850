/**
 * Serves a built site the way a CDN does: under its base path, with the `_headers` rules
 * applied, gzip for text, `index.html` for folders, a redirect to add the trailing slash,
 * and the bilingual `404.html` for anything else. The e2e tests and the benchmark use it.
 *
 *   node src/tools/serve.ts [--dir dist] [--port 4399] [--base /smart-gender/]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { normaliseBase } from '../config/deploy.ts';
import { headersFor, parseHeadersFile } from '../config/headers.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};
const compressible = /^(text\/|application\/(json|xml)|image\/svg)/;

export function serveSite(dir: string, port: number, base = '/'): Promise<Server> {
  const root = resolve(dir);
  const headersPath = join(root, '_headers');
  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const send = (status: number, file: string, extra: Record<string, string> = {}) => {
      const type = types[extname(file)] ?? 'application/octet-stream';
      let body = readFileSync(file);
      const headers: Record<string, string> = { ...headersFor(path, rules), 'Content-Type': type, ...extra };
      if (compressible.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
        body = gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
        headers.Vary = 'Accept-Encoding';
      }
      res.writeHead(status, headers).end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => {
      const page = join(root, '404.html');
      if (existsSync(page)) send(404, page);
      else res.writeHead(404).end('not found');
    };

    if (!path.startsWith(base) && `${path}/` !== base) return notFound();
    const file = resolve(root, `.${path.slice(base.length - 1)}`);
    if (!file.startsWith(root)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${path}/${url.search}` }).end();
        return;
      }
      const index = join(file, 'index.html');
      return existsSync(index) ? send(200, index) : notFound();
    }
    if (existsSync(file)) return send(200, file);
    return notFound();
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4399' },
      base: { type: 'string' },
    },
  });
  const normalized = normaliseBase(values.base ?? process.env.BASE_PATH);
  await serveSite(values.dir, Number(values.port), normalized);
  console.log(`Serving ${values.dir}/ at http://127.0.0.1:${values.port}${normalized}`);
}
