import { describe, expect, it } from 'vitest';
import { handlerHashes } from '../scripts/handlers.ts';
import { cmsCsp, csp, headersFile, headersFor, metaCsp, parseHeadersFile } from './headers.ts';

describe('security headers', () => {
  it('allow nothing inline but the site’s own handlers, and nothing from another origin', () => {
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/https?:/);
    expect(csp).toContain("frame-ancestors 'none'");
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(scriptSrc.split(' ').slice(1)).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
      "'unsafe-hashes'",
      ...handlerHashes,
    ]);
  });

  it('leave out of the meta tag what browsers ignore there', () => {
    expect(metaCsp).not.toContain('frame-ancestors');
    expect(metaCsp).toContain("default-src 'self'");
  });
});

describe('_headers file', () => {
  const rules = parseHeadersFile(headersFile('/smart-gender/'));

  it("gives the editor at /admin/ its own policy, not the site's joined to it, and only where it is built", () => {
    const withEditor = parseHeadersFile(headersFile('/smart-gender/', ['https://git.example.go.th']));
    const admin = headersFor('/smart-gender/admin/', withEditor);
    expect(admin['Content-Security-Policy']).toBe(cmsCsp(['https://git.example.go.th']));
    expect(admin['X-Robots-Tag']).toBe('noindex');
    expect(admin['Strict-Transport-Security']).toContain('max-age=31536000');
    expect(headersFor('/smart-gender/news/', withEditor)['Content-Security-Policy']).toBe(csp);
    expect(headersFor('/smart-gender/admin/', rules)['Content-Security-Policy']).toBe(csp);
  });

  it('applies the security headers to every path under the base', () => {
    const page = headersFor('/smart-gender/en/news/smart-gender-launch/', rules);
    expect(page['Content-Security-Policy']).toBe(csp);
    expect(page['Strict-Transport-Security']).toContain('max-age=31536000');
    expect(page['X-Content-Type-Options']).toBe('nosniff');
  });

  it("binds the host's subdomains to HTTPS at the root of the host only, not from a folder of another's", () => {
    const under = headersFor('/smart-gender/news/', rules)['Strict-Transport-Security'];
    expect(under).toBe('max-age=31536000');
    const root = headersFor('/news/', parseHeadersFile(headersFile('/')))['Strict-Transport-Security'];
    expect(root).toBe('max-age=31536000; includeSubDomains');
  });

  it('caches fingerprinted files for a year and revalidates the rest', () => {
    expect(headersFor('/smart-gender/_astro/index.C2DaJlKK.css', rules)['Cache-Control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(
      headersFor('/smart-gender/pagefind/fragment/th_1a2b.pf_fragment', rules)['Cache-Control'],
    ).toContain('immutable');
    for (const path of [
      '/smart-gender/',
      '/smart-gender/rss.xml',
      '/smart-gender/sitemap-index.xml',
      '/smart-gender/pagefind/pagefind-entry.json',
      '/smart-gender/pagefind/pagefind.js',
    ]) {
      expect(headersFor(path, rules)['Cache-Control'], path).toBe('public, max-age=0, must-revalidate');
    }
  });

  it('states Cache-Control for every path, never leaving it to a host default', () => {
    const catchAll = rules.find((r) => r.pattern === '/smart-gender/*');
    expect(catchAll?.headers['Cache-Control']).toBe('public, max-age=0, must-revalidate');
    // Hosts join the values of every matching rule: a rule that sets Cache-Control again
    // detaches the catch-all's first, so a path never gets two values.
    for (const rule of rules.filter((r) => r !== catchAll && 'Cache-Control' in r.headers)) {
      expect(rule.detach, rule.pattern).toContain('Cache-Control');
    }
    for (const path of ['/smart-gender/_astro/a.B1c2.js', '/smart-gender/pagefind/index/th_1.pf_index']) {
      expect(headersFor(path, rules)['Cache-Control'], path).toBe('public, max-age=31536000, immutable');
    }
  });
});

describe('_headers parsing', () => {
  it('reads detach lines and joins a header that two matching rules set, as Cloudflare Pages does', () => {
    const rules = parseHeadersFile('/*\n  X-A: 1\n  X-B: 1\n/x/*\n  ! X-A\n  X-A: 2\n  X-B: 2\n');
    expect(rules[1]).toEqual({ pattern: '/x/*', headers: { 'X-A': '2', 'X-B': '2' }, detach: ['X-A'] });
    expect(headersFor('/x/y', rules)).toEqual({ 'X-A': '2', 'X-B': '1, 2' });
    expect(headersFor('/z', rules)).toEqual({ 'X-A': '1', 'X-B': '1' });
  });

  it('rejects a header line with neither a value nor a detach mark', () => {
    expect(() => parseHeadersFile('/*\n  Cache-Control\n')).toThrow(/neither/);
  });
});

describe('docs/deploy.md', () => {
  it('documents the exact headers the build ships, so hand-configured hosts match', async () => {
    const { readFileSync } = await import('node:fs');
    const { securityHeaders, securityHeadersAt, immutable, revalidate } = await import('./headers.ts');
    const doc = readFileSync('docs/deploy.md', 'utf8');
    for (const [name, value] of Object.entries(securityHeaders)) {
      expect(doc, name).toMatch(
        new RegExp(`\\| \`${name}\` +\\| \`${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\` +\\|`),
      );
    }
    // Under a base path, the one header that differs, as the build sends it.
    const underFolder = securityHeadersAt('/smart-gender/')['Strict-Transport-Security'];
    expect(doc).toContain(
      `Under a \`BASE_PATH\` other than \`/\`, send\n\`Strict-Transport-Security\` as \`${String(underFolder)}\``,
    );
    expect(doc).toContain(immutable);
    expect(doc).toContain(revalidate);
  });
});
