import { cpSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cmsSettings } from '../config/cms.ts';
import { cmsFolder } from '../config/headers.ts';

/** Decap CMS's built files: its bundle, the chunks it loads on demand and its WebAssembly. */
function decapFiles(): { dir: string; files: string[] } {
  const dir = join(dirname(createRequire(import.meta.url).resolve('decap-cms/package.json')), 'dist');
  return { dir, files: readdirSync(dir).filter((f) => /decap-cms\.js$|\.wasm$/.test(f)) };
}

/**
 * The browser editor at /admin/, when CMS_BACKEND is set: its page and configuration, and
 * Decap CMS's files copied beside them, so the editor loads nothing from a CDN.
 */
export default function cms(): AstroIntegration {
  return {
    name: 'smart-gender:cms',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (!cmsSettings(process.env)) return;
        injectRoute({
          pattern: `/${cmsFolder}`,
          entrypoint: fileURLToPath(new URL('../cms/admin.astro', import.meta.url)),
        });
        injectRoute({
          pattern: `/${cmsFolder}config.yml`,
          entrypoint: fileURLToPath(new URL('../cms/config.yml.ts', import.meta.url)),
        });
      },
      'astro:build:done': ({ dir }) => {
        if (!cmsSettings(process.env)) return;
        const { dir: from, files } = decapFiles();
        for (const file of files)
          cpSync(join(from, file), fileURLToPath(new URL(`${cmsFolder}${file}`, dir)));
      },
    },
  };
}
