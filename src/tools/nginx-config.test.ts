import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nginxFiles } from '../config/nginx.ts';

/** `npm run nginx-config -- <args>` with these settings (and none from the machine's .env). */
const run = (args: string[], settings: Record<string, string>) =>
  spawnSync('node', ['src/tools/nginx-config.ts', ...args], {
    env: { ...process.env, ...settings },
    encoding: 'utf8',
  });

const gitlab = {
  BASE_PATH: '/web/',
  CMS_BACKEND: 'gitlab',
  CMS_REPO: 'city/site',
  CMS_APP_ID: 'abc',
  CMS_HOST_URL: 'https://git.example.go.th/',
};

describe('npm run nginx-config -- --out', () => {
  it("writes a deployment's own file from its settings, or prints it with -", () => {
    const dir = mkdtempSync(join(tmpdir(), 'smart-gender-nginx-'));
    try {
      const file = join(dir, 'site.conf');
      const written = run(['--out', file], gitlab);
      expect(written.status, written.stderr).toBe(0);
      expect(written.stdout).toContain('may contact https://git.example.go.th');
      const config = readFileSync(file, 'utf8');
      expect(config).toContain('location /web/admin/ {');
      expect(config).toContain("connect-src 'self' blob: https://git.example.go.th;");
      expect(run(['--out', '-'], gitlab).stdout).toBe(config);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to write over a committed file, and leaves it as it was', () => {
    const committed = Object.values(nginxFiles)[0] ?? '';
    const before = readFileSync(committed, 'utf8');
    const refused = run(['--out', committed], gitlab);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${committed} is committed and holds no deployment's settings`);
    expect(readFileSync(committed, 'utf8')).toBe(before);
  });

  it('names a malformed setting instead of writing a file', () => {
    const failed = run(['--out', '-'], { CMS_BACKEND: 'gitea', CMS_REPO: 'city/site' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/CMS_HOST_URL/);
  });
});
