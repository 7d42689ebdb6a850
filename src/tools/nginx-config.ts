/**
 * `npm run nginx-config`: writes the nginx server files in `deploy/nginx/` from the headers
 * table (src/config/headers.ts), and the root one into docs/deploy.md. Run it after changing
 * a header or an event handler (its hash is in the CSP); a unit test fails until then.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadSettingsFile } from '../config/env.ts';
import { cmsSettings } from '../config/cms.ts';
import { docsWithNginx, nginxConfig, nginxFiles } from '../config/nginx.ts';

// The editor's git host comes from the CMS_* settings (environment or .env), as the build's does.
loadSettingsFile();
const cmsConnect = cmsSettings(process.env)?.connect;

for (const [base, file] of Object.entries(nginxFiles)) {
  if (!file) continue;
  writeFileSync(file, nginxConfig(base, cmsConnect));
  console.log(`wrote ${file}`);
}
writeFileSync('docs/deploy.md', docsWithNginx(readFileSync('docs/deploy.md', 'utf8'), cmsConnect));
console.log('updated docs/deploy.md');
