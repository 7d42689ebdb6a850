import type { APIRoute } from 'astro';
import { cmsSettings } from '../config/cms.ts';
import { cmsConfig } from '../lib/cmsConfig.ts';
import { absoluteUrl, assetPath } from '../lib/urls.ts';

/** The editor's configuration, made from the schemas at build (JSON is YAML). */
export const GET: APIRoute = ({ site }) => {
  const settings = cmsSettings(process.env);
  if (!settings) throw new Error('/admin/config.yml is built only when CMS_BACKEND is set');
  // The editor's link to the site: its folder of the host, where it has one.
  const siteUrl = site ? absoluteUrl(assetPath(''), site) : '';
  return new Response(JSON.stringify(cmsConfig(settings, siteUrl), null, 2), {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
};
