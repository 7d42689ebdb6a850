import type { CmsBackend } from '../lib/cmsConfig.ts';

/**
 * Where the browser editor at /admin/ reads and writes the content: settings read by the
 * build (environment or `.env`). Without `CMS_BACKEND` there is no /admin/ at all.
 *
 *   CMS_BACKEND   gitlab | github | gitea | local (decap-server on this machine: npm run cms)
 *   CMS_REPO      owner/name of the repository
 *   CMS_BRANCH    the branch the live site is built from (default main)
 *   CMS_HOST_URL  the git host, for self-hosted GitLab or Gitea (https://git.example.go.th)
 *   CMS_APP_ID    the OAuth application's id (GitLab PKCE, Gitea)
 *   CMS_AUTH_URL  GitHub only: the OAuth helper that signs editors in
 */

export interface CmsSettings extends CmsBackend {
  /** The origins the editor's page may contact besides the site: the git host's API and sign-in. */
  connect: string[];
}

/** decap-server, the editor's local backend (npm run cms). */
export const localServer = 'http://localhost:8081';

/** The editor's backend from the settings; undefined when there is none. Throws naming a missing or wrong setting. */
export function cmsSettings(env: Record<string, string | undefined>): CmsSettings | undefined {
  const kind = env.CMS_BACKEND?.trim();
  if (!kind) return undefined;
  const branch = env.CMS_BRANCH?.trim() || 'main';
  const need = (name: string) => {
    const value = env[name]?.trim();
    if (!value) throw new Error(`CMS_BACKEND=${kind} needs ${name} (see docs/cms.md)`);
    return value;
  };
  const origin = (name: string) => {
    const value = need(name);
    if (!/^https:\/\/[^/]+/.test(value)) throw new Error(`${name}="${value}" must be an https:// address`);
    return new URL(value).origin;
  };
  switch (kind) {
    case 'local':
      // decap-server answers on the editor's own machine; the backend below is never asked.
      return { backend: { name: 'git-gateway', branch }, local: true, connect: [localServer] };
    case 'gitlab': {
      const host = env.CMS_HOST_URL?.trim() ? origin('CMS_HOST_URL') : 'https://gitlab.com';
      return {
        backend: {
          name: 'gitlab',
          repo: need('CMS_REPO'),
          branch,
          auth_type: 'pkce',
          app_id: need('CMS_APP_ID'),
          base_url: host,
          api_root: `${host}/api/v4`,
        },
        local: false,
        connect: [host],
      };
    }
    case 'gitea': {
      const host = origin('CMS_HOST_URL');
      return {
        backend: {
          name: 'gitea',
          repo: need('CMS_REPO'),
          branch,
          app_id: need('CMS_APP_ID'),
          base_url: host,
          api_root: `${host}/api/v1`,
        },
        local: false,
        connect: [host],
      };
    }
    case 'github': {
      const auth = origin('CMS_AUTH_URL');
      // The helper's own path, if it has one, is where Decap asks it to sign an editor in.
      const path = new URL(need('CMS_AUTH_URL')).pathname.replace(/^\/+|\/+$/g, '');
      return {
        backend: {
          name: 'github',
          repo: need('CMS_REPO'),
          branch,
          base_url: auth,
          ...(path ? { auth_endpoint: path } : {}),
        },
        local: false,
        connect: ['https://api.github.com', auth],
      };
    }
    default:
      throw new Error(`CMS_BACKEND="${kind}" must be gitlab, github, gitea or local`);
  }
}

/** A command of `npm run cms`, with the settings it adds to the environment. */
export interface LocalEditorCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
}

/**
 * Where `npm run cms` builds the site with the local editor. Not dist/: that is the folder IT
 * uploads, and its /admin/ must never be one that looks for decap-server on the reader's
 * own machine.
 */
export const localEditorDir = 'dist-cms';

/**
 * What `npm run cms` runs on the working copy at `dir`: the site built with the local editor
 * into its own folder, then decap-server (reading and writing `dir`'s files) and Astro's
 * preview of that folder, side by side. At the root of localhost, whatever `BASE_PATH` the
 * published site has, so the editor is at the address `npm run cms` prints.
 */
export function localEditorCommands(dir: string): {
  build: LocalEditorCommand;
  servers: LocalEditorCommand[];
} {
  const editor = { CMS_BACKEND: 'local', BASE_PATH: '' };
  return {
    build: { command: 'npm', args: ['run', 'build'], env: { ...editor, OUT_DIR: localEditorDir } },
    servers: [
      { command: 'decap-server', args: [], env: { ...editor, GIT_REPO_DIRECTORY: dir } },
      { command: 'astro', args: ['preview', '--outDir', localEditorDir], env: editor },
    ],
  };
}
