/**
 * Where the site is deployed, from two settings municipal IT gives in the environment or in
 * `.env`: `SITE_URL` (the address of the host, e.g. https://www.example.go.th) and
 * `BASE_PATH` (the folder the site lives in there, e.g. /smart-gender/). Every absolute and
 * relative URL of the build derives from these two. A malformed value stops the build with
 * a message that says how to write it.
 */
export interface Deployment {
  /** Origin of the site, e.g. "https://www.example.go.th". */
  site: string;
  /** Path the site is served under, always with slashes at both ends, e.g. "/smart-gender/". */
  base: string;
}

/**
 * A base path with one slash at each end, whatever the slashes it was written with: the one
 * form every URL of the build, the test server and the tests join paths to.
 * @example normaliseBase('smart-gender') // "/smart-gender/"
 * @example normaliseBase(undefined)      // "/"
 */
export function normaliseBase(value: string | undefined): string {
  const segments = (value ?? '').trim().split('/').filter(Boolean);
  return segments.length ? `/${segments.join('/')}/` : '/';
}

export const defaults = { SITE_URL: 'http://localhost:4321', BASE_PATH: '/' } as const;

export class DeploymentError extends Error {}

/**
 * Validates and normalises the deployment settings.
 * @example deployment({ SITE_URL: 'https://www.example.go.th', BASE_PATH: 'smart-gender' })
 *   // { site: 'https://www.example.go.th', base: '/smart-gender/' }
 */
export function deployment(env: Record<string, string | undefined>): Deployment {
  const rawSite = env.SITE_URL?.trim() || defaults.SITE_URL;
  const rawBase = env.BASE_PATH?.trim() || defaults.BASE_PATH;

  let url: URL;
  try {
    url = new URL(rawSite);
  } catch {
    throw new DeploymentError(
      `SITE_URL "${rawSite}" is not a web address: write it with its scheme, like https://www.example.go.th`,
    );
  }
  if (!/^https?:$/.test(url.protocol) || !/^https?:\/\//i.test(rawSite)) {
    throw new DeploymentError(`SITE_URL "${rawSite}" must start with https:// (or http:// for testing)`);
  }
  if (url.search || url.hash || rawSite.includes('?') || rawSite.includes('#')) {
    throw new DeploymentError(`SITE_URL "${rawSite}" must not have a query string or a #fragment`);
  }
  if (url.username || url.password) {
    throw new DeploymentError(`SITE_URL "${rawSite}" must not contain a user name or password`);
  }
  if (url.pathname !== '/') {
    throw new DeploymentError(
      `SITE_URL "${rawSite}" has a path: set SITE_URL=${url.origin} and BASE_PATH=${url.pathname}`,
    );
  }

  if (/[?#\s\\]|:\/\//.test(rawBase) || rawBase.includes('..')) {
    throw new DeploymentError(
      `BASE_PATH "${rawBase}" must be a plain folder path like /smart-gender/ (no query string, spaces or ..)`,
    );
  }
  if (
    rawBase
      .split('/')
      .filter(Boolean)
      .some((s) => !/^[A-Za-z0-9._~-]+$/.test(s))
  ) {
    throw new DeploymentError(
      `BASE_PATH "${rawBase}" may use only letters, digits, ".", "_", "~" and "-" in folder names`,
    );
  }
  return { site: url.origin, base: normaliseBase(rawBase) };
}

/**
 * What `npm run build` says last when `SITE_URL` is not set. The build works, but every
 * address it writes in full (share links, link previews, feeds, the sitemap, calendar files)
 * then names this machine: right for trying the site here, wrong for publishing it, and
 * nothing on the pages themselves shows it.
 */
export function siteUrlNotice(env: Record<string, string | undefined>): string | undefined {
  if (env.SITE_URL?.trim()) return undefined;
  return [
    `SITE_URL is not set: share links, link previews, feeds, the sitemap and calendar files name ${defaults.SITE_URL}, which is right for trying the site here, not for publishing it (README, "Settings").`,
    `ยังไม่ได้ตั้ง SITE_URL: ลิงก์แชร์ ตัวอย่างลิงก์ ฟีด แผนผังเว็บไซต์ และไฟล์ปฏิทินจะชี้ไปที่ ${defaults.SITE_URL} ซึ่งใช้ทดลองบนเครื่องนี้ได้ แต่ยังเผยแพร่ไม่ได้ (README หัวข้อ "Settings")`,
  ].join('\n');
}

/**
 * Whether the build writes `.br` and `.gz` copies beside each text file: on unless
 * `PRECOMPRESS=false` (for hosts that compress at their edge). Any other value stops the
 * build, as every malformed setting does, rather than being read as one or the other.
 */
export function precompressOn(env: Record<string, string | undefined>): boolean {
  const value = env.PRECOMPRESS?.trim().toLowerCase();
  if (!value || value === 'true') return true;
  if (value === 'false') return false;
  throw new DeploymentError(
    `PRECOMPRESS "${env.PRECOMPRESS ?? ''}" must be true or false (false skips the .br and .gz copies)`,
  );
}
