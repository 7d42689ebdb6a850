import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scratchFolders } from './scratchFolders.ts';
import { withoutWordBreaks } from '../lib/wordBreaks.ts';

const scratch = scratchFolders();

/**
 * A built site in miniature: one indexed page per language, at the root for the first. Text
 * goes into a paragraph; markup (starting with "<") is the indexed part as it is.
 */
function site(pages: Record<string, string>): string {
  const dir = scratch('index-search-');
  for (const [i, [lang, text]] of Object.entries(pages).entries()) {
    const folder = i === 0 ? dir : join(dir, lang);
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'index.html'),
      `<!doctype html><html lang="${lang}"><head><title>${lang}</title></head><body><nav>menu</nav><main data-pagefind-body>${text.startsWith('<') ? text : `<p>${text}</p>`}</main></body></html>`,
    );
  }
  return dir;
}

const indexSearch = (dir: string, env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, ['src/tools/index-search.ts', dir], { encoding: 'utf8', timeout: 60_000, env });

describe('index-search', () => {
  it('indexes every language into one bundle, each with an index of its own', () => {
    const dir = site({
      th: 'เทศบาลนครขอนแก่นส่งเสริมความเท่าเทียมทางเพศ '.repeat(20),
      en: 'Khon Kaen promotes gender equality. '.repeat(5),
      lo: 'ນະຄອນຂອນແກ່ນ',
    });
    // The pages' marked copies go to a temporary folder of their own, removed once read.
    const temporary = scratch('index-search-tmp-');
    const run = indexSearch(dir, { ...process.env, TMPDIR: temporary });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // Largest first: the languages' pages come in that order.
    expect(run.stdout).toBe('search index: 1 th, 1 en, 1 lo pages\n');
    expect(readdirSync(temporary), 'no marked copies are left behind').toEqual([]);
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'lo', 'th']);
    for (const { hash } of Object.values(entry.languages))
      expect(existsSync(join(dir, 'pagefind', `pagefind.${hash}.pf_meta`)), hash).toBe(true);
    // What the search page loads, and not Pagefind's ready-made interfaces, which it never does.
    const bundle = readdirSync(join(dir, 'pagefind'));
    expect(bundle).toEqual(
      expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'wasm.unknown.pagefind']),
    );
    expect(bundle.filter((file) => /-ui\.|highlight/.test(file))).toEqual([]);
  });

  // Pagefind holds most of its memory while it writes (at 5,000 stories, 1.4 GiB for Thai):
  // the build stays under 2 GiB only because no two indexes are written at once.
  it('writes one index at a time, the largest language last', () => {
    const dir = site({
      th: 'เทศบาลนครขอนแก่นส่งเสริมความเท่าเทียมทางเพศ '.repeat(200),
      en: 'Khon Kaen promotes gender equality. '.repeat(5),
      lo: 'ນະຄອນຂອນແກ່ນ',
    });
    const trace = join(dir, 'trace.jsonl');
    const run = spawnSync(process.execPath, ['src/tools/index-search.ts', dir], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, INDEX_TRACE: trace },
    });
    expect(run.status, run.stderr).toBe(0);
    const events = readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; lang: string; at: number })
      .sort((a, b) => a.at - b.at)
      .map(({ event, lang }) => `${event} ${lang}`);
    expect(events).toEqual([
      'writing en',
      'written en',
      'writing lo',
      'written lo',
      'writing th',
      'written th',
    ]);
  });

  it("joins a Thai page's blocks with spaces, an English page's with full stops, and a label to its value", () => {
    const dir = site({
      th: '<h1>ทุกเพศเท่าเทียม</h1><p>(กลุ่มเด็กและเยาวชน)</p><dl><div><dt>เทศบาล</dt><dd>เทศบาลนครขอนแก่น</dd></div></dl><p>เมื่อวันที่ 23 กุมภาพันธ์</p>',
      en: '<h1>Every gender equal</h1><p>(children and youth)</p><dl><div><dt>Municipality</dt><dd>Khon Kaen City</dd></div></dl><p>On 23 February</p>',
    });
    // An English page waiting for its translation, showing the Thai original.
    mkdirSync(join(dir, 'en', 'waiting'));
    writeFileSync(
      join(dir, 'en', 'waiting', 'index.html'),
      '<!doctype html><html lang="en"><head><title>waiting</title></head><body><article lang="th" data-pagefind-body><h1>รอการแปล</h1><p>ข้อความภาษาไทย</p></article></body></html>',
    );
    expect(indexSearch(dir).status).toBe(0);
    // Pagefind's fragments: gzip, a signature, then the page's record as JSON.
    const fragments = join(dir, 'pagefind', 'fragment');
    const records = readdirSync(fragments).map(
      (f) =>
        JSON.parse(
          gunzipSync(readFileSync(join(fragments, f)))
            .subarray(12)
            .toString(),
        ) as {
          url: string;
          content: string;
        },
    );
    const raw = (url: string) => records.find((r) => r.url === url)?.content ?? '';
    const content = (url: string) => withoutWordBreaks(raw(url));
    expect(content('/')).toBe('ทุกเพศเท่าเทียม (กลุ่มเด็กและเยาวชน) เทศบาล: เทศบาลนครขอนแก่น เมื่อวันที่ 23 กุมภาพันธ์');
    expect(content('/en/')).toBe(
      'Every gender equal. (children and youth). Municipality: Khon Kaen City. On 23 February.',
    );
    expect(content('/en/waiting/')).toBe('รอการแปล ข้อความภาษาไทย');
    // Pagefind does not split the English index's words itself: the Thai words there are marked
    // so that it indexes each (src/lib/wordBreaks.ts).
    expect(raw('/en/waiting/')).toBe('รอ`การ`แปล ข้อความ`ภาษา`ไทย');
  });

  // Lists, the home page and the search page carry no mark: Pagefind would skip them. Here the
  // largest language (by bytes, the one this process indexes itself) has only such pages, so
  // the child writes both indexes and this process writes none.
  it('leaves out pages without the mark, and a language with none gets no index', () => {
    const dir = site({ th: 'เทศบาลนครขอนแก่น', en: 'Khon Kaen' });
    const unmarked = (lang: string) =>
      `<!doctype html><html lang="${lang}"><head><title>list</title></head><body><main><p>${'ขอนแก่น Khon Kaen '.repeat(500)}</p></main></body></html>`;
    mkdirSync(join(dir, 'news'));
    writeFileSync(join(dir, 'news', 'index.html'), unmarked('th'));
    for (const folder of ['fr', join('fr', 'news')]) {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, 'index.html'), unmarked('fr'));
    }
    const trace = join(dir, 'trace.jsonl');
    const run = spawnSync(process.execPath, ['src/tools/index-search.ts', dir], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, INDEX_TRACE: trace },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('search index: 1 th, 1 en pages\n');
    const written = readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; lang: string })
      .filter(({ event }) => event === 'written')
      .map(({ lang }) => lang);
    expect(written.sort()).toEqual(['en', 'th']);
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      version: string;
      languages: Record<string, { page_count: number }>;
    };
    // The entry of the child's last pass, with both languages.
    expect(entry.version).toMatch(/^\d+\.\d+/);
    const counts = Object.fromEntries(
      Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]),
    );
    expect(counts).toEqual({ th: 1, en: 1 });
  });

  // Ctrl-C signals every process of the group. Stopped while Pagefind reads the pages, the
  // step leaves none of their marked copies behind: in /dev/shm, where they go unless `TMPDIR`
  // names a folder, they would hold memory until the machine restarts.
  it.each([
    ['in memory', false],
    ['in TMPDIR', true],
  ])(
    'leaves no marked copies behind when stopped, %s',
    async (_, inTmpdir) => {
      if (!inTmpdir && !existsSync('/dev/shm')) return;
      const dir = site({ th: 'ขอนแก่น', en: 'Khon Kaen' });
      for (let i = 0; i < 300; i++)
        for (const [lang, folder, text] of [
          ['th', `th-${i}`, 'เทศบาลนครขอนแก่นส่งเสริมความเท่าเทียมทางเพศ '.repeat(40)],
          ['en', join('en', `en-${i}`), 'Khon Kaen promotes gender equality. '.repeat(40)],
        ] as const) {
          mkdirSync(join(dir, folder));
          writeFileSync(
            join(dir, folder, 'index.html'),
            `<!doctype html><html lang="${lang}"><head><title>${i}</title></head><body><main data-pagefind-body><p>${text}</p></main></body></html>`,
          );
        }
      const temporary = inTmpdir ? scratch('index-search-tmp-') : '/dev/shm';
      const env = { ...process.env };
      delete env.TMPDIR;
      if (inTmpdir) env.TMPDIR = temporary;
      // A process group of its own, as a terminal's command has.
      const run = spawn(process.execPath, ['src/tools/index-search.ts', dir], {
        env,
        detached: true,
        stdio: 'ignore',
      });
      const group = -(run.pid ?? NaN);
      expect(group).toBeLessThan(0);
      const exited = new Promise<{ code: number | null }>((done) => run.on('exit', (code) => done({ code })));
      // This run's copies, named after the process that made them: /dev/shm is shared, and a
      // build beside the tests (as `npm test` runs one) makes copies there too.
      const ofThisRun = (name: string) => {
        const pid = /^smart-gender-index-(\d+)-/.exec(name)?.[1];
        if (pid === undefined) return false;
        if (inTmpdir || Number(pid) === run.pid) return true;
        try {
          // The second lane's: a child of this run (Linux, as /dev/shm is).
          return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(run.pid);
        } catch {
          return false;
        }
      };
      const seen = new Set<string>();
      const copies = () => [...seen].filter((name) => existsSync(join(temporary, name)));
      try {
        // Both processes' copies: the largest language's and the second lane's.
        for (let waited = 0; waited < 20_000 && seen.size < 2; waited += 5) {
          for (const name of readdirSync(temporary)) if (!seen.has(name) && ofThisRun(name)) seen.add(name);
          await sleep(5);
        }
        expect(copies().length, 'marked copies are made there').toBe(2);
        process.kill(group, 'SIGINT');
        // 128 + SIGINT's number, as a shell expects of a command stopped with Ctrl-C.
        expect(await exited).toEqual({ code: 130 });
        // The second lane, a process of its own, gets the signal too and may end a moment later.
        for (let waited = 0; waited < 5000 && copies().length > 0; waited += 10) await sleep(10);
        expect(copies()).toEqual([]);
      } finally {
        try {
          process.kill(group, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    },
    60_000,
  );

  // Killed outright (or for want of memory), a process runs no exit handler: the next run
  // removes the copies of a process that is gone, and leaves those of one still running.
  it('removes the marked copies a stopped run could not', () => {
    const dir = site({ th: 'ขอนแก่น', en: 'Khon Kaen' });
    const temporary = scratch('index-search-tmp-');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    for (const pid of [gone, process.pid]) {
      mkdirSync(join(temporary, `smart-gender-index-${pid}-left`, 'news'), { recursive: true });
      writeFileSync(join(temporary, `smart-gender-index-${pid}-left`, 'news', 'index.html'), '<html></html>');
    }
    const run = indexSearch(dir, { ...process.env, TMPDIR: temporary });
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(temporary)).toEqual([`smart-gender-index-${process.pid}-left`]);
  });

  it('fails when no page is marked for the index', () => {
    const dir = scratch('index-search-');
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="th"><body><p>ขอนแก่น</p></body></html>',
    );
    const run = indexSearch(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Search indexing failed: ${dir} holds no pages to index`);
  });

  // A file where the index's folder goes: Pagefind cannot write it, and its process stops.
  it('fails, naming the language, when an index cannot be written', () => {
    const dir = site({ th: 'ขอนแก่น '.repeat(20), en: 'Khon Kaen' });
    writeFileSync(join(dir, 'pagefind'), '');
    const run = indexSearch(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Search indexing failed: Pagefind stopped before the en index was written');
  });

  it('fails, naming the language, when the largest index cannot be written', () => {
    const dir = site({ th: 'ขอนแก่น '.repeat(20) });
    writeFileSync(join(dir, 'pagefind'), '');
    const run = indexSearch(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Search indexing failed: Pagefind stopped before the th index was written');
  });
});
