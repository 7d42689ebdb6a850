import { cmsFolder, cmsHeaders, fingerprinted, immutable, revalidate, securityHeadersAt } from './headers.ts';
import { cmsSettings, localServer } from './cms.ts';
import { deployment, normaliseBase } from './deploy.ts';

/**
 * The nginx server for the site, written from the same table as `dist/_headers`
 * (src/config/headers.ts), so the two cannot drift. `npm run nginx-config` writes it to
 * `deploy/nginx/`; a unit test fails when the committed files or docs/deploy.md differ from
 * what this gives. The committed files never depend on the settings of the machine that
 * wrote them: a deployment's own file, with its base path and its editor's git host, is
 * written elsewhere (`npm run nginx-config -- --out FILE`, `deploymentNginx`).
 *
 * Two traps of nginx shape it. A `types { }` block replaces the whole MIME map of its level,
 * so the extra types sit beside `include mime.types` at the same level. A block that has an
 * `add_header` of its own drops every inherited one, so no inner block has one: the one
 * header that differs, Cache-Control, comes from a variable that inner blocks `set`.
 */

/** The committed server files, by the base path each serves (`npm run nginx-config` writes them). */
export const nginxFiles: Partial<Record<string, string>> = {
  '/': 'deploy/nginx/smart-gender.conf',
  '/smart-gender/': 'deploy/nginx/smart-gender-subfolder.conf',
};

/** The two lines an administrator edits (marked EDIT in the file); the tests fill them in. */
export const editLines = {
  serverName: /^(\s*)server_name [^;]+;.*$/m,
  root: /^(\s*)root [^;]+;.*$/m,
} as const;

/** Compressible files the build precompresses (`.gz`, `.br` beside each). */
export const precompressed = ['html', 'css', 'js', 'mjs', 'xml', 'json', 'ics', 'svg', 'txt'];

/** Types Debian's /etc/nginx/mime.types lacks or gets wrong for this site. */
const extraTypes: [type: string, extensions: string][] = [
  ['text/calendar', 'ics'],
  // Pagefind's index files are compressed data its script unpacks itself.
  ['application/octet-stream', 'pagefind pf_fragment pf_index pf_meta pf_filter'],
];

const quote = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/**
 * The whole `server { }` file. At the root of its host (`base` "/"), or under a folder
 * (`base` "/smart-gender/"): then `root` is the folder that holds that one, and the
 * site's files live in `<root>/smart-gender/`. `cmsConnect` is what the editor's page may
 * contact (the git host of the CMS_* settings); without it, the committed files' value: the
 * local editor's server, which a build with `CMS_BACKEND=local` served by this file needs.
 */
export function nginxConfig(baseSetting: string, cmsConnect?: readonly string[]): string {
  const base = normaliseBase(baseSetting);
  const connect = cmsConnect ?? [localServer];
  const indent = (lines: string[], by: string) => lines.map((l) => (l ? `${by}${l}` : l));
  // Named after the base path too: two copies of the site in one server (a staging copy
  // under another folder) would otherwise share the first one's block, and its 404 page.
  const notFound = `@smart_gender_not_found${base === '/' ? '' : base.replace(/[^a-z0-9]+/gi, '_').replace(/_$/, '')}`;
  const securityHeaders = securityHeadersAt(base);
  const headerLines = [
    ...Object.entries(securityHeaders).map(([name, value]) => `add_header ${name} ${quote(value)} always;`),
    'add_header Cache-Control $smart_gender_cache always;',
  ];
  const siteLines = [
    `error_page 404 ${notFound};`,
    '# A folder without an index page is a page that does not exist, not a forbidden one.',
    `error_page 403 =404 ${notFound};`,
    '',
    '# Pages, feeds, sitemaps and the search entry points are checked again on every visit;',
    '# files whose names carry a hash of their content are kept for a year.',
    `set $smart_gender_cache ${quote(revalidate)};`,
    ...headerLines,
    '',
    ...fingerprinted.map(
      (pattern) =>
        `location ${base}${pattern.replace(/\*$/, '')} { set $smart_gender_cache ${quote(immutable)}; }`,
    ),
    '',
    '# dist/_headers states these headers for Cloudflare Pages and Netlify; it is not a page.',
    `location = ${base}_headers { return 404; }`,
    '',
    '# The browser editor has a policy of its own, and is kept out of search engines. Every',
    '# header is repeated: a header set in a block drops every one the block would inherit.',
    ...(cmsConnect === undefined
      ? [
          `# In this file the editor may contact only the local editor's server, ${localServer}`,
          '# (CMS_BACKEND=local, as the tests build the site). A site with an editor is served with',
          '# its own file, written by `npm run nginx-config -- --out FILE` with its CMS_* settings.',
        ]
      : cmsConnect.length
        ? [
            '# The editor may contact the git host (API and sign-in) of the CMS_* settings this file',
            `# was written with: ${cmsConnect.join(' ')}.`,
          ]
        : ['# This file was written without CMS_* settings: the site has no editor.']),
    `location ${base}${cmsFolder} {`,
    ...indent(
      [
        ...Object.entries({ ...securityHeaders, ...cmsHeaders(connect) }).map(
          ([name, value]) => `add_header ${name} ${quote(value)} always;`,
        ),
        // Set here too: under a base path this block sits inside the site's, whose `set` a
        // nested block does not run (nginx's rewrite directives are not inherited).
        `set $smart_gender_cache ${quote(revalidate)};`,
        'add_header Cache-Control $smart_gender_cache always;',
      ],
      '    ',
    ),
    '}',
  ];
  /**
   * The 404 page of the language folder an unknown address is in (`/en/…` gets
   * `/en/404.html`), else the site's, as Cloudflare Pages picks the nearest one. Any folder
   * holding a `404.html` is a language's, so a language added to the site needs no change here.
   * A named block sits at the server's level, outside the site's block under a base path: it
   * then repeats the site's headers. Either way it sets the cache header again, as nginx
   * enters it without the server's `set` and keeps the value of the block the address was in
   * (a missing `_astro/` file would be marked immutable). nginx keeps a request's method
   * into a named block and answers any but GET and HEAD for a file with 405: those get their
   * 404 status, on nginx's own short page.
   */
  const notFoundLines = [
    '',
    '# An unknown address gets the 404 page of the language folder it is in (/en/… gets',
    "# /en/404.html), else the site's. A new language needs no change here.",
    `location ${notFound} {`,
    ...indent(
      [
        ...(base === '/' ? [] : headerLines),
        `set $smart_gender_cache ${quote(revalidate)};`,
        'if ($request_method !~ ^(GET|HEAD)$) { return 404; }',
        `rewrite ^${base.slice(0, -1)}(/[^/]+)?/ ${base.slice(0, -1)}$1/404.html break;`,
        `try_files $uri ${base}404.html;`,
      ],
      '    ',
    ),
    '}',
  ];
  const lines = [
    '# SMART GENDER Khon Kaen: nginx server, generated by `npm run nginx-config` from',
    '# src/config/headers.ts (the table dist/_headers is written from). Edit only the lines',
    '# marked EDIT; regenerate rather than change the rest.',
    ...(base === '/'
      ? []
      : [
          `# The site is served under ${base}: upload the contents of dist/ (built with`,
          `# BASE_PATH=${base}) to <root>${base}. nginx also serves any other file`,
          "# under <root>, without these headers: <root> must hold the site's folder alone.",
          "# The two location blocks can go into the host's existing server instead, with the server",
          '# lines they rely on copied to the top of each, from `include /etc/nginx/mime.types;` to',
          "# `server_tokens off;` (each is valid in a location): the types of .ics and Pagefind's",
          '# files, the charset, the .br and .gz copies, relative redirects.',
        ]),
    'server {',
    ...indent(
      [
        'listen 80;',
        'server_name www.example.go.th;  # EDIT: the host name',
        base === '/'
          ? 'root /var/www/smart-gender;  # EDIT: the folder holding the contents of dist/'
          : // Not /var/www: nginx would serve everything else in it too, without these headers.
            `root /var/www/smart-gender-site;  # EDIT: a folder of its own, holding the site's folder, ${base.slice(1)}, alone`,
        '',
        '# The MIME map, and the types it lacks, at one level: a `types` block replaces the map',
        '# of its level, it does not add to it.',
        'include /etc/nginx/mime.types;',
        'types {',
        ...extraTypes.map(([type, ext]) => `    ${type} ${ext};`),
        '}',
        'default_type application/octet-stream;',
        'charset utf-8;',
        // text/html is always among them; naming it again makes `nginx -t` warn.
        `charset_types ${['text/css', 'text/plain', 'text/xml', 'text/calendar', 'application/javascript', 'application/json', 'application/xml', 'image/svg+xml'].join(' ')};`,
        '',
        '# The build writes a .br and a .gz beside each compressible file (where smaller): send',
        '# those as they are (brotli_static needs libnginx-mod-http-brotli-static; without it,',
        '# drop that line).',
        'gzip_static on;',
        'brotli_static on;',
        'gzip_vary on;',
        '',
        '# Redirects to the folder form of an address stay relative to the host the reader used.',
        'absolute_redirect off;',
        'server_tokens off;',
        '',
        ...(base === '/' ? siteLines : [`location ${base} {`, ...indent(siteLines, '    '), '}']),
        ...notFoundLines,
      ],
      '    ',
    ),
    '}',
    '',
  ];
  return lines.join('\n');
}

const docsStart = '<!-- deploy/nginx/smart-gender.conf, written by npm run nginx-config -->';
const docsEnd = '<!-- end of deploy/nginx/smart-gender.conf -->';

/**
 * docs/deploy.md with the root server file shown between its two markers, as
 * `npm run nginx-config` writes it; a unit test keeps the page equal to the file.
 */
export function docsWithNginx(doc: string): string {
  const start = doc.indexOf(docsStart);
  const end = doc.indexOf(docsEnd);
  if (start < 0 || end < start)
    throw new Error(`docs/deploy.md: the markers ${docsStart} and ${docsEnd} are missing`);
  const block = `${docsStart}\n\n\`\`\`nginx\n${nginxConfig('/')}\`\`\`\n\n`;
  return `${doc.slice(0, start)}${block}${doc.slice(end)}`;
}

/**
 * The server file of one deployment, from its settings (environment or `.env`): its
 * `BASE_PATH`, and an /admin/ policy that allows the git host of its CMS_* settings, or none
 * when it has no editor. `npm run nginx-config -- --out FILE` writes it; it is never committed.
 * Throws naming a malformed setting.
 */
export function deploymentNginx(env: Record<string, string | undefined>): string {
  return nginxConfig(deployment(env).base, cmsSettings(env)?.connect ?? []);
}
