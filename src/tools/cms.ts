/**
 * `npm run cms`: the browser editor on this working copy. Builds the site with the editor
 * (CMS_BACKEND=local) into dist-cms/, leaving dist/ as it was, starts decap-server (Decap
 * CMS's local backend, which reads and writes the files here) and serves that build; open
 * http://localhost:4321/admin/ and sign in with the button (no account is needed locally).
 * What the editor saves lands in content/ as files to review and commit with git. Ctrl-C
 * stops both servers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { localEditorCommands, type LocalEditorCommand } from '../config/cms.ts';

// npm, astro and decap-server are .cmd files on Windows, which only a shell starts.
const shell = process.platform === 'win32';
const options = ({ env }: LocalEditorCommand) => ({
  env: { ...process.env, ...env },
  stdio: 'inherit' as const,
  shell,
});
const { build, servers } = localEditorCommands(process.cwd());

const built = spawnSync(build.command, build.args, options(build));
if (built.status !== 0) process.exit(built.status ?? 1);

const running = servers.map((server) => spawn(server.command, server.args, options(server)));
console.log(
  '\nThe editor: http://localhost:4321/admin/ (Ctrl-C to stop) / เครื่องมือแก้ไข: http://localhost:4321/admin/ (กด Ctrl-C เพื่อหยุด)\n',
);
const stop = () => {
  for (const server of running) server.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const server of running) server.on('exit', stop);
