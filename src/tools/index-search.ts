/**
 * `node src/tools/index-search.ts [dir]`: builds the search index of a built site (default
 * `dist/`) into `<dir>/pagefind/` only; the index is never committed. `npm run build` runs it
 * once `astro build` has exited, so Astro's memory is given back before Pagefind takes its own.
 *
 * Pagefind makes one index per `<html lang>`, and only the `data-pagefind-body` part of content
 * pages is indexed, so menus and footers are not: only that part is handed over (see
 * `indexedPart.ts`), with the word boundaries of its Thai text (or other text written without
 * spaces) marked (see `wordBreaks.ts`) and, in a language written without full stops, its
 * blocks ended so that the indexer adds none.
 *
 * Pagefind writes an index on little more than one core, and a large site's index takes the
 * better part of half a minute, so the languages are indexed on two lanes: the largest
 * language here, the others one after the other in a child process of this script. Memory is
 * what limits a large site, and Pagefind holds most of it while it writes an index (at 5,000
 * stories per language, Thai 1.4 GiB writing against 0.4 GiB adding), so this process writes
 * its language only once the child has exited: two languages are never written at once. Each
 * language is indexed by a Pagefind process of its own, closed when its index is written; a
 * language none of whose pages is marked gets no index. The passes share one bundle; their
 * `pagefind-entry.json` language lists are joined at the end. Any indexing error fails the
 * step, naming the language, also when a Pagefind process dies: a site whose search silently
 * misses pages is broken.
 */
import { fork } from 'node:child_process';
import {
  accessSync,
  appendFileSync,
  constants,
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { constants as osConstants, tmpdir } from 'node:os';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { indexedLang, indexedPart, withoutAddedFullStops } from '../lib/indexedPart.ts';
import { markWordBreaksInHtml, wordMarkFor } from '../lib/wordBreaks.ts';
import { alive } from './buildLock.ts';
import { locales } from '../i18n/locales.ts';

interface Entry {
  languages: Record<string, { page_count: number }>;
}

/**
 * One language's pages (paths relative to the site), marked or not, and their size in bytes:
 * the estimate of its cost that decides which lane takes it. Unmarked pages (lists, home,
 * search) count too, but every language of the site has about as many of them.
 */
interface Language {
  lang: string;
  files: string[];
  bytes: number;
}

/** What the child process is sent: the site and the languages it indexes. */
interface Job {
  site: string;
  languages: Language[];
}

/**
 * The site's languages with their pages, largest first, from each page's `<html lang>` (in its
 * first bytes) and size. Whether a page is marked for the index is left to the lane that reads
 * it whole (`addPages`): reading every page here too took 1.5 s at 5,000 stories per language,
 * while nothing else could start. Only paths and sizes are kept, not text: holding ten
 * thousand pages' text here would cost more memory than reading them twice.
 */
function languagesOf(site: string): Language[] {
  const byLang = new Map<string, Language>();
  const head = Buffer.alloc(512);
  for (const file of readdirSync(site, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const fd = openSync(join(site, file), 'r');
    let start: string;
    let bytes: number;
    try {
      start = head.toString('utf8', 0, readSync(fd, head, 0, head.length, 0));
      bytes = fstatSync(fd).size;
    } finally {
      closeSync(fd);
    }
    const lang = /<html[^>]*\slang="([^"]+)"/.exec(start)?.[1] ?? '';
    const language = byLang.get(lang) ?? { lang, files: [], bytes: 0 };
    language.files.push(file.replaceAll('\\', '/'));
    language.bytes += bytes;
    byLang.set(lang, language);
  }
  return [...byLang.values()].sort((a, b) => b.bytes - a.bytes);
}

/**
 * Pagefind also writes its ready-made search interfaces, which the site's search page never
 * loads (it calls Pagefind's API from src/scripts/search.ts, and the API loads only
 * `pagefind.js`, its worker, the WebAssembly and the index): 0.4 MB that would be compressed
 * with every build (0.6 s) and uploaded to the host for nothing.
 */
const unusedBundleFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

/** Whether a language ends its sentences with a full stop (one the site does not know is taken to). */
const fullStopIn = (lang: string | undefined) =>
  Object.values(locales).find((l) => l.lang === lang)?.fullStop ?? true;

/**
 * Where a language's marked copies are written: Linux's /dev/shm, which holds them in memory,
 * where it has room for twice the language's pages (a container's often has 64 MB); else, and
 * wherever `TMPDIR` names a folder, the system's temporary folder. Pagefind reads them once
 * and they are removed before it writes, the step's peak. At 5,000 stories per language, on
 * this machine's disk, the step took 28 to 32 s (7 to 14 s of it system time, in five runs);
 * from /dev/shm, 25 to 26 s (5.5 to 6.5 s), once 29 s.
 */
function scratchRoot(bytes: number): string {
  if (process.env.TMPDIR) return tmpdir();
  try {
    accessSync('/dev/shm', constants.W_OK);
    const { bavail, bsize } = statfsSync('/dev/shm');
    if (bavail * bsize > 2 * bytes) return '/dev/shm';
  } catch {
    // No /dev/shm (macOS, Windows), or not ours to write.
  }
  return tmpdir();
}

/** The start of the name of a folder of marked copies, with the process that made it. */
const copiesPrefix = 'smart-gender-index-';
const copiesOwner = new RegExp(`^${copiesPrefix}(\\d+)-`);

/**
 * Removes the folders of marked copies in `root` whose process is gone without removing them:
 * killed outright, or by the system for want of memory, it runs no exit handler, and in
 * /dev/shm its copies would hold memory until the machine restarts.
 */
function removeLeftovers(root: string): void {
  for (const name of readdirSync(root)) {
    const pid = Number(copiesOwner.exec(name)?.[1]);
    if (pid && !alive(pid)) rmSync(join(root, name), { recursive: true, force: true });
  }
}

/**
 * A new index (in a Pagefind process of its own) holding one language's marked pages, and how
 * many there were. The pages' marked copies are written to a folder of their own, which
 * Pagefind reads on every core, each page at the path it has in the site (so at the same
 * address); handed over one at a time instead, Pagefind parsed them one after the other on a
 * single core, and copied each into its list as it went (at 5,000 stories per language, the
 * Thai pages took 8.6 s that way against 3.9 s from a folder, with the same fragments; the
 * copies it no longer makes were compact, so it holds about 0.07 GiB more while it writes).
 */
async function addPages(
  site: string,
  { lang, files, bytes }: Language,
): Promise<{ index: pagefind.PagefindIndex; pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  const root = scratchRoot(bytes);
  removeLeftovers(root);
  const marked = mkdtempSync(join(root, `${copiesPrefix}${process.pid}-`));
  // Also when the process is stopped before it is done (`process.exit` skips `finally`).
  const removeMarked = () => {
    rmSync(marked, { recursive: true, force: true });
  };
  process.once('exit', removeMarked);
  try {
    let pages = 0;
    const mark = wordMarkFor(lang);
    for (const [n, file] of files.entries()) {
      // Now and then, let a Ctrl-C arrive (see the end): marking a large language takes seconds.
      if (n % 256 === 255) await nextTurn();
      const part = indexedPart(readFileSync(join(site, file), 'utf8'));
      // A page without the mark (lists, home, search) is left out: Pagefind would skip it.
      if (part === undefined) continue;
      // Marked as the index's language needs: see wordBreaks.ts.
      const html = markWordBreaksInHtml(part, mark);
      mkdirSync(dirname(join(marked, file)), { recursive: true });
      // By the language of the text, which on a page waiting for its translation is the original's.
      writeFileSync(join(marked, file), fullStopIn(indexedLang(html)) ? html : withoutAddedFullStops(html));
      pages++;
    }
    if (pages === 0) return { index, pages };
    const added = await index.addDirectory({ path: marked });
    if (added.errors.length) throw new Error(added.errors.join('\n'));
    // Pagefind only logs a page it could not read; a site whose search misses pages is broken.
    if (added.page_count !== pages) throw new Error(`Pagefind read ${added.page_count} of ${pages} pages`);
    return { index, pages };
  } finally {
    removeMarked();
    process.off('exit', removeMarked);
  }
}

/** The processes this one started, where Linux lists them (not every kernel does); else none. */
function childPids(): string[] {
  try {
    return readdirSync('/proc/self/task').flatMap((task) =>
      readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean),
    );
  } catch {
    return [];
  }
}

/**
 * Closes this process's Pagefind and waits until it has gone. Pagefind's `close` only signals
 * it; once it has exited, Node collects it, and Linux then counts its processor time as
 * this process's, which is how the build measures a step (`runStep.ts`). Unwaited, it would
 * also hold its memory into the next step.
 */
async function closePagefind(): Promise<void> {
  const before = childPids();
  await pagefind.close();
  for (let waited = 0; waited < 5000 && before.some((pid) => existsSync(`/proc/${pid}`)); waited += 10)
    await sleep(10);
}

/**
 * `INDEX_TRACE=<file>`: each process appends a line when it starts writing a language's
 * index and when that index is written and its Pagefind has gone, so a test can see that two
 * indexes are never written at once (the step's memory depends on it).
 */
function trace(event: 'writing' | 'written', lang: string): void {
  const file = process.env.INDEX_TRACE;
  if (file)
    appendFileSync(
      file,
      `${JSON.stringify({ event, lang, at: performance.timeOrigin + performance.now() })}\n`,
    );
}

/**
 * Writes `index` into the site's bundle and closes its Pagefind process, so its memory is
 * given back; returns the bundle's entry as that pass left it (its language alone). A
 * language none of whose pages is marked gets no index, and the entry is left as it was.
 */
async function writeIndex(
  site: string,
  { index, pages }: Awaited<ReturnType<typeof addPages>>,
  lang: string,
): Promise<Entry> {
  const bundle = join(site, 'pagefind');
  if (pages === 0) {
    await closePagefind();
    return { languages: {} };
  }
  trace('writing', lang);
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length) throw new Error(written.errors.join('\n'));
  await closePagefind();
  trace('written', lang);
  return JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as Entry;
}

/** Indexes `languages` one after the other; returns the languages written. */
async function indexInTurn(site: string, languages: Language[]): Promise<Entry['languages']> {
  let written: Entry['languages'] = {};
  for (const language of languages) {
    const pass = await writeIndex(site, await addPages(site, language), language.lang);
    written = { ...written, ...pass.languages };
  }
  return written;
}

/**
 * Runs `indexInTurn` for `job` in a child process of this script: `sent` resolves once the
 * whole job has been handed to the system for the child, `done` once the child has exited.
 * The job (every page's path) is larger than a pipe holds, and what the pipe cannot take at
 * once is handed over only when this process's event loop next runs: marking the largest
 * language's pages, which holds the loop for long stretches, must wait for `sent`
 * (unwaited, at 5,000 stories per language, the child started 6 s late).
 */
function inChild(job: Job): { sent: Promise<void>; done: Promise<Entry['languages']>; stop: () => void } {
  const child = fork(fileURLToPath(import.meta.url), ['--child']);
  const sent = new Promise<void>((resolveSent) => child.send(job, () => resolveSent()));
  const done = new Promise<Entry['languages']>((resolveDone, reject) => {
    let reply: { languages?: Entry['languages']; error?: string } = {};
    child.on('message', (message: typeof reply) => (reply = message));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0 && reply.languages) resolveDone(reply.languages);
      else {
        // A signal, not a code, when the system stopped it (out of memory, for one).
        const how = signal ?? `exit code ${String(code)}`;
        const langs = job.languages.map((l) => l.lang).join(', ');
        reject(new Error(reply.error ?? `Pagefind stopped before the ${langs} index was written (${how})`));
      }
    });
  });
  return { sent, done, stop: () => child.kill() };
}

/** The language this process is indexing, named if its Pagefind dies (see the end). */
let indexing: string | undefined;

/** Indexes `site` and returns a one-line summary ("search index: 6 th, 6 en pages"). */
async function indexSearch(site: string): Promise<string> {
  const [largest, ...others] = languagesOf(site);
  if (!largest) throw new Error(`${site} holds no pages to index`);
  const child = others.length > 0 ? inChild({ site, languages: others }) : undefined;
  indexing = largest.lang;
  try {
    // Or until the child has ended, if it ends first; `Promise.all` below words its failure.
    if (child) await Promise.race([child.sent, child.done]);
    // Written once the others are, so that two indexes are never being written at once.
    const [added, othersWritten] = await Promise.all([
      addPages(site, largest),
      child?.done ?? Promise.resolve<Entry['languages']>({}),
    ]);
    const pass = await writeIndex(site, added, largest.lang);
    indexing = undefined;
    const languages = { ...pass.languages, ...othersWritten };
    if (Object.keys(languages).length === 0) throw new Error(`${site} holds no pages to index`);
    // The last pass's entry, with every language written.
    const entryFile = join(site, 'pagefind', 'pagefind-entry.json');
    const entry = { ...(JSON.parse(readFileSync(entryFile, 'utf8')) as Entry), languages };
    writeFileSync(entryFile, JSON.stringify(entry));
    for (const file of unusedBundleFiles) rmSync(join(site, 'pagefind', file), { force: true });
    const counts = Object.entries(entry.languages).map(([lang, l]) => `${l.page_count} ${lang}`);
    return `search index: ${counts.join(', ')} pages`;
  } finally {
    child?.stop();
    await closePagefind();
  }
}

/**
 * Calls `stop` with the exit code a shell expects of a process ended by the signal (130 for
 * Ctrl-C), when this process is told to stop. Without a handler, Node would end at once and
 * run no exit handler, leaving the marked copies behind.
 */
function onStopSignal(stop: (code: number) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => stop(128 + osConstants.signals[signal]));
}

/*
 * Pagefind's own process can die (out of memory, a crash) without answering: what waits for
 * it then never settles, and Node ends the process for want of anything to do. That must
 * fail the step, with a message.
 */
if (process.argv.includes('--child')) {
  // Failed until its languages are sent; the main process words the message.
  process.exitCode = 1;
  // Stopped (Ctrl-C too), or the main process gone (its build failed or was stopped):
  // Pagefind goes too, so nothing is written into a build that has been given up, and the
  // exit handlers run, so no marked copies are left behind.
  const stop = (code: number) => {
    void pagefind.close();
    process.exit(code);
  };
  onStopSignal(stop);
  process.once('disconnect', () => stop(1));
  process.once('message', (job: Job) => {
    // From here Pagefind's work keeps this process alive, not the channel: see above.
    process.channel?.unref();
    indexInTurn(job.site, job.languages).then(
      (languages) => process.send?.({ languages }, () => process.exit(0)),
      (error: unknown) => process.send?.({ error: (error as Error).message }, () => process.exit(1)),
    );
  });
} else {
  // Stopped (Ctrl-C, a closed terminal, or the build stopped): as the child is, above.
  onStopSignal((code) => {
    indexing = undefined;
    void pagefind.close();
    process.exit(code);
  });
  process.once('exit', () => {
    if (indexing === undefined) return;
    console.error(`Search indexing failed: Pagefind stopped before the ${indexing} index was written`);
    process.exitCode = 1;
  });
  indexSearch(resolve(process.argv[2] ?? 'dist')).then(
    (summary) => {
      console.log(summary);
    },
    (error: unknown) => {
      indexing = undefined;
      console.error(`Search indexing failed: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
