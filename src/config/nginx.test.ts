import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprinted, immutable, securityHeaders } from './headers.ts';
import { docsWithNginx, nginxConfig, nginxFiles } from './nginx.ts';

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

  it('sends every security header from one level, Cache-Control by variable, so no block drops them', () => {
    for (const base of ['/', '/smart-gender/']) {
      const config = nginxConfig(base);
      for (const [name, value] of Object.entries(securityHeaders)) {
        expect(config.split(`add_header ${name} "${value}" always;`)).toHaveLength(2);
      }
      // Inner blocks only set the variable: a block with an add_header of its own would drop the rest.
      const inner = config.split('\n').filter((l) => /^\s*location .*\{.*\}$/.test(l));
      expect(inner).toHaveLength(fingerprinted.length);
      for (const line of inner) expect(line).toContain(`set $smart_gender_cache "${immutable}";`);
      expect(config.match(/add_header/g)).toHaveLength(Object.keys(securityHeaders).length + 1);
    }
  });

  it('adds the missing types beside the whole MIME map, and marks the only lines to edit', () => {
    const config = nginxConfig('/smart-gender/');
    expect(config).toMatch(/include \/etc\/nginx\/mime\.types;\n\s*types \{\n\s*text\/calendar ics;/);
    expect(config.match(/# EDIT/g)).toHaveLength(2);
    expect(config).toContain('error_page 404 /smart-gender/404.html;');
    expect(config).toContain('location /smart-gender/_astro/ {');
  });
});
