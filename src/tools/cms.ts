/**
 * `npm run cms`: the browser editor on this working copy. Builds the site with the editor
 * (CMS_BACKEND=local), starts decap-server (Decap CMS's local backend, which reads and writes
 * the files here) and serves the site; open http://localhost:4321/admin/ and sign in with
 * the button (no account is needed locally). What the editor saves lands in content/ as
 * files to review and commit with git. Ctrl-C stops both servers.
 */
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, CMS_BACKEND: 'local' };
// npm, astro and decap-server are .cmd files on Windows, which only a shell starts.
const shell = process.platform === 'win32';
const build = spawnSync('npm', ['run', 'build'], { env, stdio: 'inherit', shell });
if (build.status !== 0) process.exit(build.status ?? 1);

const servers = [
  spawn('decap-server', [], { env: { ...env, GIT_REPO_DIRECTORY: process.cwd() }, stdio: 'inherit', shell }),
  spawn('astro', ['preview'], { env, stdio: 'inherit', shell }),
];
console.log(
  '\nThe editor: http://localhost:4321/admin/ (Ctrl-C to stop) / เครื่องมือแก้ไข: http://localhost:4321/admin/ (กด Ctrl-C เพื่อหยุด)\n',
);
const stop = () => {
  for (const server of servers) server.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const server of servers) server.on('exit', stop);
