import type { APIContext } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** The editor's configuration as /admin/config.yml serves it, for a site built under `base`. */
async function config(base: string): Promise<{ site_url: string }> {
  vi.stubEnv('BASE_URL', base);
  vi.stubEnv('CMS_BACKEND', 'local');
  vi.resetModules();
  const { GET } = await import('./config.yml.ts');
  const response = await GET({ site: new URL('https://www.example.go.th') } as APIContext);
  return (await response.json()) as { site_url: string };
}

describe('/admin/config.yml', () => {
  it('links the editor to the site in its folder of the host', async () => {
    expect((await config('/smart-gender/')).site_url).toBe('https://www.example.go.th/smart-gender/');
  });

  it('links the editor to the root of the host where the site is served there', async () => {
    expect((await config('/')).site_url).toBe('https://www.example.go.th/');
  });
});
