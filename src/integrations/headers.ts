import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../config/headers.ts';
import { normaliseBase } from '../config/deploy.ts';

/** Writes `dist/_headers` (security and caching rules) for hosts that read one. */
export default function headers(): AstroIntegration {
  let base = '/';
  return {
    name: 'smart-gender:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': ({ dir }) => {
        writeFileSync(new URL('_headers', dir), headersFile(base));
      },
    },
  };
}
