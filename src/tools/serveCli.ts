import { parseArgs } from 'node:util';
import { normaliseBase } from '../config/deploy.ts';

/** A server started by one of the test servers (nginxServer.ts, wranglerServer.ts). */
interface Started {
  origin: string;
  stop(): Promise<void>;
}

/**
 * The command line the test servers share, `[--dir dist] [--port N] [--base /]` (the base
 * defaults to BASE_PATH): starts the server, says where, and stops it cleanly on Ctrl-C or
 * SIGTERM (Playwright's webServer sends that), so it leaves no process or folder behind.
 */
export async function serveFromCommandLine(
  name: string,
  defaultPort: number,
  start: (dir: string, port: number, base: string) => Promise<Started>,
): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: String(defaultPort) },
      base: { type: 'string' },
    },
  });
  const base = normaliseBase(values.base ?? process.env.BASE_PATH);
  const server = await start(values.dir, Number(values.port), base);
  console.log(`${name} serving ${values.dir}/ at ${server.origin}${base}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      void server.stop().then(() => process.exit(0));
    });
  }
}
