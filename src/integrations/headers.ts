import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { cmsSettings } from '../config/cms.ts';
import { headersFile } from '../config/headers.ts';
import { normaliseBase } from '../config/deploy.ts';

/** Writes `dist/_headers` (security and caching rules, the editor's own at /admin/) for hosts that read one. */
export default function headers(): AstroIntegration {
  let base = '/';
  return {
    name: 'smart-gender:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': ({ dir }) => {
        writeFileSync(new URL('_headers', dir), headersFile(base, cmsSettings(process.env)?.connect));
      },
    },
  };
}
