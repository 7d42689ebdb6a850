import type { APIRoute } from 'astro';
import { cmsSettings } from '../config/cms.ts';
import { cmsConfig } from '../lib/cmsConfig.ts';

/** The editor's configuration, made from the schemas at build (JSON is YAML). */
export const GET: APIRoute = ({ site }) => {
  const settings = cmsSettings(process.env);
  if (!settings) throw new Error('/admin/config.yml is built only when CMS_BACKEND is set');
  return new Response(JSON.stringify(cmsConfig(settings, site?.href ?? ''), null, 2), {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
};
