/**
 * `npm run nginx-config`: writes the nginx server files in `deploy/nginx/` from the headers
 * table (src/config/headers.ts), and the root one into docs/deploy.md. Run it after changing
 * a header or an event handler (its hash is in the CSP); a unit test fails until then.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { docsWithNginx, nginxConfig, nginxFiles } from '../config/nginx.ts';

for (const [base, file] of Object.entries(nginxFiles)) {
  if (!file) continue;
  writeFileSync(file, nginxConfig(base));
  console.log(`wrote ${file}`);
}
writeFileSync('docs/deploy.md', docsWithNginx(readFileSync('docs/deploy.md', 'utf8')));
console.log('updated docs/deploy.md');
