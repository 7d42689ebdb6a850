/**
 * `npm run nginx-config`: writes the committed nginx server files in `deploy/nginx/` from the
 * headers table (src/config/headers.ts), and the root one into docs/deploy.md. Run it after
 * changing a header or an event handler (its hash is in the CSP); a unit test fails until then.
 * It reads no settings: the committed files are the same on every machine, so the test that
 * compares them passes on any clone, with or without a `.env`.
 *
 * `npm run nginx-config -- --out FILE` (`--out -`: standard output) writes instead the one file
 * a deployment serves, from its settings (environment or `.env`): its `BASE_PATH`, and an
 * /admin/ policy that allows the git host of its CMS_* settings. That file belongs to the
 * deployment, beside its settings; it must not replace a committed one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cmsSettings } from '../config/cms.ts';
import { loadSettingsFile } from '../config/env.ts';
import { deploymentNginx, docsWithNginx, nginxConfig, nginxFiles } from '../config/nginx.ts';

const committed = Object.values(nginxFiles).filter((file) => file !== undefined);
const { out } = parseArgs({ options: { out: { type: 'string' } } }).values;

loadSettingsFile();
if (out === undefined) {
  for (const [base, file] of Object.entries(nginxFiles)) {
    if (!file) continue;
    writeFileSync(file, nginxConfig(base));
    console.log(`wrote ${file}`);
  }
  writeFileSync('docs/deploy.md', docsWithNginx(readFileSync('docs/deploy.md', 'utf8')));
  console.log('updated docs/deploy.md');
  if (process.env.CMS_BACKEND?.trim())
    console.log(
      'CMS_BACKEND is set, and these files do not carry it: write the server file of this deployment with npm run nginx-config -- --out FILE (docs/cms.md)',
    );
} else if (committed.some((file) => resolve(file) === resolve(out))) {
  console.error(
    `${out} is committed and holds no deployment's settings: write this deployment's file elsewhere`,
  );
  process.exitCode = 1;
} else {
  let text: string;
  try {
    text = deploymentNginx(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (out === '-') process.stdout.write(text);
  else {
    writeFileSync(out, text);
    const connect = cmsSettings(process.env)?.connect;
    console.log(
      `wrote ${out}: /admin/ may contact ${connect?.join(' ') ?? 'no git host (CMS_BACKEND is not set)'}`,
    );
  }
}
