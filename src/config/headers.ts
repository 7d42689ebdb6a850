/**
 * The HTTP headers the site is served with, in one place: written as `dist/_headers` for
 * hosts that read one (Netlify, Cloudflare Pages), used by the test server, and copied
 * into docs/deploy.md for nginx and CloudFront.
 */
import { handlerHashes } from '../scripts/handlers.ts';

/**
 * Content-Security-Policy: everything from the site's own origin, WebAssembly allowed for
 * Pagefind's search, and nothing inline but the site's own event handlers, each allowed by
 * the hash of its exact text (src/scripts/handlers.ts). The build emits no inline script that
 * runs (its only inline `<script>` elements are JSON-LD data) and no inline style.
 */
export const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'unsafe-hashes' ${handlerHashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The policy as a `<meta>` tag can carry it: browsers ignore these directives there. */
export const metaCsp = csp
  .split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

/**
 * The policy of /admin/ alone, the browser editor (Decap CMS), and no more than it needs:
 * its bundle evaluates code it builds at run time ('unsafe-eval') and sets inline styles;
 * photo previews are blob: URLs; it talks to the git host (`connect`: its API and sign-in)
 * and to nothing else. Every public page keeps `csp`.
 */
export function cmsCsp(connect: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    `connect-src 'self' blob: ${connect.join(' ')}`.trim(),
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The editor's headers that differ from the site's: its policy, no indexing, and pop-ups it
 * can hear from (GitHub's sign-in answers from a pop-up window on the OAuth helper's site).
 */
export function cmsHeaders(connect: readonly string[]): Record<string, string> {
  return {
    'Content-Security-Policy': cmsCsp(connect),
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
    'X-Robots-Tag': 'noindex',
  };
}

/** The editor's folder, under the base path. */
export const cmsFolder = 'admin/';

/**
 * Headers for every response of the site served under `base`. HTTPS is required for a year.
 * At the root of a host of its own, so is every name under that host (`includeSubDomains`).
 * In a folder of another host (the municipality's main one, most likely), that host's
 * subdomains are not the site's to bind: some may not answer over HTTPS yet, and browsers
 * would refuse them for the year (docs/deploy.md).
 */
export function securityHeadersAt(base: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'Strict-Transport-Security': base === '/' ? 'max-age=31536000; includeSubDomains' : 'max-age=31536000',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** The headers of the site at the root of its own host. */
export const securityHeaders = securityHeadersAt('/');

/** Files whose names carry a hash of their content: cached for a year, never revalidated. */
export const immutable = 'public, max-age=31536000, immutable';
/** Everything else (pages, feeds, sitemaps, the search index entry): revalidated each time. */
export const revalidate = 'public, max-age=0, must-revalidate';

/** Path patterns (under the base path) of fingerprinted files. */
export const fingerprinted = ['_astro/*', 'pagefind/fragment/*', 'pagefind/index/*', 'pagefind/filter/*'];

/**
 * The `_headers` file for a site served under `base`. Cache-Control is stated for every
 * path, not left to a host's default: the catch-all rule revalidates, and each rule for
 * fingerprinted files first detaches that value (`! Cache-Control`, Cloudflare Pages) and
 * then sets its own. Without the detach Cloudflare Pages would join the two values of a
 * path both rules match into one contradictory header; Netlify's parser skips the line
 * (it has no colon).
 * @example headersFile('/smart-gender/') // "/smart-gender/*\n  Content-Security-Policy: …"
 */
export function headersFile(base: string, cmsConnect?: readonly string[]): string {
  const rule = (path: string, headers: Record<string, string>, detach: string[] = []) =>
    `${base}${path}\n${[
      ...detach.map((name) => `  ! ${name}`),
      ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`),
    ].join('\n')}\n`;
  return [
    rule('*', { ...securityHeadersAt(base), 'Cache-Control': revalidate }),
    ...fingerprinted.map((p) => rule(p, { 'Cache-Control': immutable }, ['Cache-Control'])),
    // The editor's own policy, not added to the site's: hosts join the values of every
    // matching rule, so the site-wide one is detached first.
    ...(cmsConnect
      ? [
          rule(`${cmsFolder}*`, { ...cmsHeaders(cmsConnect) }, [
            'Content-Security-Policy',
            'Cross-Origin-Opener-Policy',
          ]),
        ]
      : []),
  ].join('\n');
}

/** One rule of a `_headers` file: the headers it sets, and those it detaches (`! Name`). */
export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
  detach: string[];
}

/** Parses a `_headers` file (Netlify / Cloudflare Pages format). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {}, detach: [] });
    } else {
      const rule = rules.at(-1);
      if (!rule) throw new Error(`_headers: "${line.trim()}" comes before any path`);
      if (line.trim().startsWith('!')) {
        rule.detach.push(line.trim().slice(1).trim());
        continue;
      }
      const at = line.indexOf(':');
      if (at < 0) throw new Error(`_headers: "${line.trim()}" is neither "Name: value" nor "! Name"`);
      rule.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

/**
 * The headers the rules state for `path`, as Cloudflare Pages applies them: every matching
 * rule in file order, its detached headers removed first, and a header that an earlier
 * matching rule set joined to the new value with ", ". Nothing a host adds by default.
 */
export function headersFor(path: string, rules: HeaderRule[]): Record<string, string> {
  const out = new Map<string, { name: string; value: string }>();
  for (const { pattern, headers, detach } of rules) {
    const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    if (!re.test(path)) continue;
    for (const name of detach) out.delete(name.toLowerCase());
    for (const [name, value] of Object.entries(headers)) {
      const earlier = out.get(name.toLowerCase());
      out.set(name.toLowerCase(), earlier ? { name, value: `${earlier.value}, ${value}` } : { name, value });
    }
  }
  return Object.fromEntries([...out.values()].map(({ name, value }) => [name, value]));
}
