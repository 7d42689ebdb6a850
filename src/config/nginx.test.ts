import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cmsCsp,
  cmsFolder,
  cmsHeaders,
  fingerprinted,
  immutable,
  revalidate,
  securityHeaders,
  securityHeadersAt,
} from './headers.ts';
import { deploymentNginx, docsWithNginx, nginxConfig, nginxFiles, precompressed } from './nginx.ts';

// The committed files depend on the code alone, never on the settings (.env, CMS_*) of the
// machine running the tests: a deployment's own file is written elsewhere (--out).
describe('deploy/nginx', () => {
  it('holds what the headers table gives (run npm run nginx-config after changing it)', () => {
    for (const [base, file] of Object.entries(nginxFiles)) {
      expect(
        readFileSync(file ?? '', 'utf8'),
        `${String(file)} is out of date: run npm run nginx-config`,
      ).toBe(nginxConfig(base));
    }
  });

  it('is shown in docs/deploy.md as it is', () => {
    const doc = readFileSync('docs/deploy.md', 'utf8');
    expect(doc, 'docs/deploy.md is out of date: run npm run nginx-config').toBe(docsWithNginx(doc));
    expect(doc).toContain(nginxConfig('/'));
  });

  it("writes a deployment's own file from its settings: its base path and its editor's git host", () => {
    const gitlab = deploymentNginx({
      BASE_PATH: 'web/smart',
      CMS_BACKEND: 'gitlab',
      CMS_REPO: 'city/site',
      CMS_APP_ID: 'abc',
      CMS_HOST_URL: 'https://git.example.go.th/',
    });
    expect(gitlab).toContain('location /web/smart/admin/ {');
    expect(gitlab).toContain("connect-src 'self' blob: https://git.example.go.th;");
    expect(gitlab).not.toContain('localhost');
    // No editor: no git host, and not the local editor's server either.
    const none = deploymentNginx({});
    expect(none).toContain("connect-src 'self' blob:;");
    expect(none).not.toContain('localhost');
    expect(none).toContain('root /var/www/smart-gender;');
    expect(() => deploymentNginx({ CMS_BACKEND: 'gitea' })).toThrow(/CMS_HOST_URL/);
  });

  it('sends every security header from one level, Cache-Control by variable, so no block drops them', () => {
    for (const base of ['/', '/smart-gender/']) {
      const config = nginxConfig(base);
      // The editor's block is the one that sets headers itself, so it repeats them all.
      const [site = '', editor = ''] = config.split(`location ${base}${cmsFolder} {`);
      for (const [name, value] of Object.entries(securityHeadersAt(base))) {
        expect(site.split(`add_header ${name} "${value}" always;`)).toHaveLength(2);
        if (!(name in cmsHeaders([]))) expect(editor).toContain(`add_header ${name} "${value}" always;`);
      }
      // Inner blocks only set the variable: a block with an add_header of its own would drop the rest.
      const inner = site.split('\n').filter((l) => /^\s*location .*\{.*\}$/.test(l));
      // The fingerprinted files' blocks, and the one that keeps dist/_headers from being served.
      expect(inner.pop()?.trim()).toBe(`location = ${base}_headers { return 404; }`);
      expect(inner).toHaveLength(fingerprinted.length);
      for (const line of inner) expect(line).toContain(`set $smart_gender_cache "${immutable}";`);
      expect(site.match(/add_header/g)).toHaveLength(Object.keys(securityHeaders).length + 1);
    }
  });

  it("binds a host's subdomains to HTTPS only where the site has the host to itself", () => {
    const hsts = (base: string) =>
      /add_header Strict-Transport-Security "([^"]*)"/.exec(nginxConfig(base))?.[1];
    expect(hsts('/')).toBe('max-age=31536000; includeSubDomains');
    expect(hsts('/smart-gender/')).toBe('max-age=31536000');
    expect(nginxConfig('/smart-gender/')).not.toContain('includeSubDomains');
    expect(securityHeaders['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('gives the editor its own policy, allowing the git host it was generated for, and keeps it out of search engines', () => {
    const local = nginxConfig('/');
    const editor = local.split('location /admin/ {')[1] ?? '';
    expect(editor).toContain(
      `add_header Content-Security-Policy "${cmsCsp(['http://localhost:8081'])}" always;`,
    );
    expect(editor).toContain('add_header X-Robots-Tag "noindex" always;');
    // GitHub's sign-in answers from a pop-up, which same-origin would cut off.
    expect(editor).toContain('add_header Cross-Origin-Opener-Policy "same-origin-allow-popups" always;');
    expect(editor).toContain('add_header Cache-Control $smart_gender_cache always;');
    const gitlab = nginxConfig('/', ['https://git.example.go.th']);
    expect(gitlab).toContain("connect-src 'self' blob: https://git.example.go.th;");
    expect(gitlab).not.toContain('localhost');
  });

  it('is described in docs/deploy.md as it is: the compressed types, the headers of /admin/', () => {
    const doc = readFileSync('docs/deploy.md', 'utf8');
    // The list of compressed types, however the paragraph is wrapped.
    expect(doc.replace(/\s+/g, ' ')).toContain(precompressed.map((ext) => `\`.${ext}\``).join(', '));
    for (const [name, value] of Object.entries(cmsHeaders(['<git host>']))) {
      expect(doc, name).toMatch(
        new RegExp(`\\| \`${name}\` +\\| \`${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\` +\\|`),
      );
    }
  });

  it('adds the missing types beside the whole MIME map, and marks the only lines to edit', () => {
    const config = nginxConfig('/smart-gender/');
    expect(config).toMatch(/include \/etc\/nginx\/mime\.types;\n\s*types \{\n\s*text\/calendar ics;/);
    expect(config.match(/# EDIT/g)).toHaveLength(2);
    expect(config).toContain('error_page 404 @smart_gender_not_found_smart_gender;');
    expect(config).toContain('location /smart-gender/_astro/ {');
  });

  it("sends an unknown address the 404 page of its language's folder, else the site's", () => {
    // The last block of the file.
    const block = (config: string) => config.slice(config.indexOf('location @smart_gender_not_found'));
    const root = block(nginxConfig('/'));
    expect(root).toContain('rewrite ^(/[^/]+)?/ $1/404.html break;');
    expect(root).toContain('try_files $uri /404.html;');
    // At the root it inherits the server's headers; under a base path, it sits outside the
    // site's block and repeats them.
    expect(root).not.toContain('add_header Content-Security-Policy');
    const under = block(nginxConfig('/smart-gender/'));
    expect(under).toContain('rewrite ^/smart-gender(/[^/]+)?/ /smart-gender$1/404.html break;');
    expect(under).toContain('try_files $uri /smart-gender/404.html;');
    for (const name of Object.keys(securityHeaders)) expect(under).toContain(`add_header ${name} `);
    // Two copies of the site in one server (a staging copy under another folder) keep their own.
    expect(nginxConfig('/')).toContain('error_page 404 @smart_gender_not_found;');
    expect(nginxConfig('/staging/')).toContain('location @smart_gender_not_found_staging {');
    // Entered from a block that marks its files immutable, it marks the page to revalidate.
    for (const config of [root, under]) expect(config).toContain(`set $smart_gender_cache "${revalidate}";`);
  });
});
