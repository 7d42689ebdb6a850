import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cmsSettings } from './cms.ts';
import { loadSettingsFile } from './env.ts';
import { cmsCsp, cmsFolder, cmsHeaders, fingerprinted, immutable, securityHeaders } from './headers.ts';
import { docsWithNginx, nginxConfig, nginxFiles } from './nginx.ts';

// The files are generated with the editor's git host from the settings, as npm run nginx-config does.
loadSettingsFile();
const cmsConnect = cmsSettings(process.env)?.connect;

describe('deploy/nginx', () => {
  it('holds what the headers table gives (run npm run nginx-config after changing it)', () => {
    for (const [base, file] of Object.entries(nginxFiles)) {
      expect(
        readFileSync(file ?? '', 'utf8'),
        `${String(file)} is out of date: run npm run nginx-config`,
      ).toBe(nginxConfig(base, cmsConnect));
    }
  });

  it('is shown in docs/deploy.md as it is', () => {
    const doc = readFileSync('docs/deploy.md', 'utf8');
    expect(doc, 'docs/deploy.md is out of date: run npm run nginx-config').toBe(
      docsWithNginx(doc, cmsConnect),
    );
    expect(doc).toContain(nginxConfig('/', cmsConnect));
  });

  it('sends every security header from one level, Cache-Control by variable, so no block drops them', () => {
    for (const base of ['/', '/smart-gender/']) {
      const config = nginxConfig(base);
      // The editor's block is the one that sets headers itself, so it repeats them all.
      const [site = '', editor = ''] = config.split(`location ${base}${cmsFolder} {`);
      for (const [name, value] of Object.entries(securityHeaders)) {
        expect(site.split(`add_header ${name} "${value}" always;`)).toHaveLength(2);
        if (!(name in cmsHeaders([]))) expect(editor).toContain(`add_header ${name} "${value}" always;`);
      }
      // Inner blocks only set the variable: a block with an add_header of its own would drop the rest.
      const inner = site.split('\n').filter((l) => /^\s*location .*\{.*\}$/.test(l));
      expect(inner).toHaveLength(fingerprinted.length);
      for (const line of inner) expect(line).toContain(`set $smart_gender_cache "${immutable}";`);
      expect(site.match(/add_header/g)).toHaveLength(Object.keys(securityHeaders).length + 1);
    }
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

  it('adds the missing types beside the whole MIME map, and marks the only lines to edit', () => {
    const config = nginxConfig('/smart-gender/');
    expect(config).toMatch(/include \/etc\/nginx\/mime\.types;\n\s*types \{\n\s*text\/calendar ics;/);
    expect(config.match(/# EDIT/g)).toHaveLength(2);
    expect(config).toContain('error_page 404 /smart-gender/404.html;');
    expect(config).toContain('location /smart-gender/_astro/ {');
  });
});
