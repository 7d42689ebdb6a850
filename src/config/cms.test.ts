import { describe, expect, it } from 'vitest';
import { cmsSettings, localEditorCommands, localEditorDir } from './cms.ts';

describe('cmsSettings', () => {
  it('builds no editor without CMS_BACKEND', () => {
    expect(cmsSettings({})).toBeUndefined();
  });

  it('signs GitLab editors in with PKCE on a self-hosted GitLab, and lets the page talk to that host only', () => {
    expect(
      cmsSettings({
        CMS_BACKEND: 'gitlab',
        CMS_REPO: 'pr/smart-gender',
        CMS_APP_ID: 'abc123',
        CMS_HOST_URL: 'https://git.example.go.th/',
      }),
    ).toEqual({
      backend: {
        name: 'gitlab',
        repo: 'pr/smart-gender',
        branch: 'main',
        auth_type: 'pkce',
        app_id: 'abc123',
        base_url: 'https://git.example.go.th',
        api_root: 'https://git.example.go.th/api/v4',
      },
      local: false,
      connect: ['https://git.example.go.th'],
    });
  });

  it('names the setting a backend lacks, or a wrong one', () => {
    expect(() => cmsSettings({ CMS_BACKEND: 'gitea', CMS_HOST_URL: 'https://git.example.go.th' })).toThrow(
      'CMS_BACKEND=gitea needs CMS_REPO',
    );
    expect(() =>
      cmsSettings({ CMS_BACKEND: 'github', CMS_REPO: 'a/b', CMS_AUTH_URL: 'http://auth.example' }),
    ).toThrow('CMS_AUTH_URL="http://auth.example" must be an https:// address');
    expect(() => cmsSettings({ CMS_BACKEND: 'svn' })).toThrow('must be gitlab, github, gitea or local');
  });

  it("asks GitHub's OAuth helper at its own path", () => {
    expect(
      cmsSettings({
        CMS_BACKEND: 'github',
        CMS_REPO: 'kk/site',
        CMS_AUTH_URL: 'https://auth.example.go.th/decap/auth',
      }),
    ).toMatchObject({
      backend: { name: 'github', base_url: 'https://auth.example.go.th', auth_endpoint: 'decap/auth' },
      connect: ['https://api.github.com', 'https://auth.example.go.th'],
    });
  });

  it('edits the working copy through decap-server in local mode', () => {
    expect(cmsSettings({ CMS_BACKEND: 'local' })).toMatchObject({
      local: true,
      connect: ['http://localhost:8081'],
    });
  });
});

describe('localEditorCommands (npm run cms)', () => {
  const { build, servers } = localEditorCommands('/home/editor/smart-gender');
  const preview = servers.find((s) => s.command === 'astro');
  const decap = servers.find((s) => s.command === 'decap-server');

  it('builds the site with the local editor into a folder of its own, never into dist/, which IT uploads', () => {
    expect(build.env.CMS_BACKEND).toBe('local');
    expect(build.env.OUT_DIR).toBe(localEditorDir);
    expect(localEditorDir).not.toBe('dist');
  });

  it('previews that same folder, and lets decap-server write into the working copy', () => {
    expect(preview?.args).toEqual(['preview', '--outDir', build.env.OUT_DIR]);
    // At the address it prints, even where .env gives the published site a folder.
    expect(build.env.BASE_PATH).toBe('');
    expect(preview?.env.BASE_PATH).toBe('');
    expect(decap?.env.GIT_REPO_DIRECTORY).toBe('/home/editor/smart-gender');
  });
});
