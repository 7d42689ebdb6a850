import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import MarkdownIt from 'markdown-it';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { defaultLang, isLang, langs, type Lang } from '../i18n/locales.ts';
import { needsBody, say, schemas, type CollectionName } from './schemas.ts';

/**
 * `npm run check`: every mistake an editor can make in `content/`, found in one run, each
 * reported on one line with the file, the line where known, the field, what is wrong and
 * how to fix it, in English and Thai. The build runs it first, so nothing wrong is published.
 */

export type Severity = 'error' | 'warning' | 'scheduled';

export interface Problem {
  severity: Severity;
  /** Path relative to the project, e.g. content/news/th/launch.md. */
  file: string;
  line?: number | undefined;
  field?: string | undefined;
  message: string;
}

/** One entry as read from disk. */
export interface Entry {
  collection: CollectionName;
  lang: Lang;
  slug: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
  /** Line numbers of the front-matter keys. */
  lines: Map<string, number>;
  bodyStartLine: number;
  valid: boolean;
}

const md = new MarkdownIt({ html: false });

/** Levenshtein distance, for "did you mean" suggestions on misspelt field names. */
/* eslint-disable @typescript-eslint/no-non-null-assertion -- every index is within 0..b.length, the row's length. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}
/* eslint-enable @typescript-eslint/no-non-null-assertion */

function suggest(key: string, known: string[]): string | undefined {
  const best = known
    .map((k) => ({ k, d: distance(key.toLowerCase(), k.toLowerCase()) }))
    .sort((a, b) => a.d - b.d)[0];
  return best && best.d <= 2 ? best.k : undefined;
}

/** When a file last changed: its last commit if it is in git, else its modification time. */
export function changedAt(file: string): Date {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cI', '--', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const uncommitted = execFileSync('git', ['status', '--porcelain', '--', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (out && !uncommitted) return new Date(out);
  } catch {
    // Not a git checkout: fall back to the file's time.
  }
  return statSync(file).mtime;
}

function readEntry(
  collection: CollectionName,
  lang: Lang,
  file: string,
  display: string,
  problems: Problem[],
): Entry | undefined {
  const slug = file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/, '');
  const report = (message: string, line?: number, field?: string) =>
    problems.push({ severity: 'error', file: display, line, field, message });

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch {
    report(
      say(
        'is not UTF-8 text: save the file as UTF-8 in your editor',
        'ไม่ได้บันทึกเป็น UTF-8: บันทึกไฟล์ใหม่เป็น UTF-8',
      ),
    );
    return undefined;
  }
  text = text.replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) {
    report(
      say(
        'has no front matter: start the file with a line "---", the fields, and another "---"',
        'ไม่มีส่วนหัว: เริ่มไฟล์ด้วยบรรทัด "---" ตามด้วยช่องต่าง ๆ แล้วปิดด้วย "---"',
      ),
      1,
    );
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(match[1] ?? '', { lineCounter, schema: 'yaml-1.1', prettyErrors: false });
  const frontLine = (offset: number) => lineCounter.linePos(offset).line + 1; // +1 for the opening ---
  if (doc.errors.length) {
    for (const error of doc.errors) {
      report(
        say(
          `YAML syntax error: ${error.message.split('\n')[0] ?? ''}; check quotes, colons and indentation`,
          'ส่วนหัวเขียนผิดรูปแบบ YAML: ตรวจเครื่องหมายคำพูด โคลอน และการย่อหน้า',
        ),
        frontLine(error.pos[0]),
      );
    }
    return undefined;
  }
  const lines = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isScalar(item.key)) lines.set(String(item.key.value), frontLine(item.key.range[0]));
    }
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const schema = schemas[collection];
  const result = schema.safeParse(data);
  if (!result.success) {
    const known = Object.keys(schema.shape);
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const near = suggest(key, known);
          report(
            near
              ? say(`unknown field: did you mean "${near}"?`, `ไม่รู้จักช่องนี้ หมายถึง "${near}" หรือไม่`)
              : say(
                  `unknown field: remove it, or use one of ${known.join(', ')}`,
                  `ไม่รู้จักช่องนี้: ลบออก หรือใช้ช่องใดช่องหนึ่งใน ${known.join(', ')}`,
                ),
            lines.get(key),
            key,
          );
        }
      } else {
        const field = issue.path.map(String).join('.');
        report(issue.message, lines.get(String(issue.path[0])), field || undefined);
      }
    }
  }
  const body = text.slice(match[0].length);
  const bodyStartLine = match[0].split('\n').length;
  return {
    collection,
    lang,
    slug,
    file: display,
    data: result.success ? result.data : data,
    body,
    lines,
    bodyStartLine,
    valid: result.success,
  };
}

/** Reads every entry under `contentDir`, with the problems found in single files. */
export function readContent(contentDir: string, root: string): { entries: Entry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const entries: Entry[] = [];
  const show = (path: string) => relative(root, path) || path;

  for (const collection of Object.keys(schemas) as CollectionName[]) {
    const dir = join(contentDir, collection);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const folder = join(dir, name);
      if (!statSync(folder).isDirectory()) {
        problems.push({
          severity: 'error',
          file: show(folder),
          message: say(
            `belongs in a language folder: move it into ${langs.map((l) => `${collection}/${l}/`).join(' or ')}`,
            `ต้องอยู่ในโฟลเดอร์ภาษา: ย้ายไปไว้ใน ${langs.map((l) => `${collection}/${l}/`).join(' หรือ ')}`,
          ),
        });
        continue;
      }
      if (!isLang(name)) {
        problems.push({
          severity: 'error',
          file: show(folder),
          message: say(
            `"${name}" is not a language of the site: use ${langs.join(' or ')}`,
            `"${name}" ไม่ใช่ภาษาของเว็บไซต์: ใช้ ${langs.join(' หรือ ')}`,
          ),
        });
        continue;
      }
      const seen = new Map<string, string>();
      for (const file of readdirSync(folder).sort()) {
        const path = join(folder, file);
        if (!file.endsWith('.md')) {
          problems.push({
            severity: 'error',
            file: show(path),
            message: say(
              'is not a Markdown file: rename it to end in .md, or move it out of content/',
              'ไม่ใช่ไฟล์ Markdown: เปลี่ยนชื่อให้ลงท้ายด้วย .md หรือย้ายออกจาก content/',
            ),
          });
          continue;
        }
        const key = file.toLowerCase();
        const same = seen.get(key);
        if (same !== undefined) {
          problems.push({
            severity: 'error',
            file: show(path),
            message: say(
              `has the same name as ${same} apart from capitals: their web addresses would clash; rename one`,
              `ชื่อซ้ำกับ ${same} (ต่างกันแค่ตัวพิมพ์ใหญ่เล็ก): เปลี่ยนชื่อไฟล์ใดไฟล์หนึ่ง`,
            ),
          });
          continue;
        }
        seen.set(key, show(path));
        if (!/^[a-z0-9-]+\.md$/.test(file)) {
          problems.push({
            severity: 'error',
            file: show(path),
            message: say(
              'file names become web addresses: use lower-case letters, digits and hyphens, like my-story.md',
              'ชื่อไฟล์จะเป็นที่อยู่เว็บ: ใช้อักษรอังกฤษตัวเล็ก ตัวเลข และขีด เช่น my-story.md',
            ),
          });
        }
        const entry = readEntry(collection, name, path, show(path), problems);
        if (entry) entries.push(entry);
      }
    }
  }
  return { entries, problems };
}

/** Checks the content tree at `contentDir`; `root` is where paths are reported from. */
export function checkContent(
  contentDir: string,
  options: { root?: string; now?: Date; publicDir?: string } = {},
): Problem[] {
  const root = options.root ?? process.cwd();
  const now = options.now ?? new Date();
  const publicDir = options.publicDir ?? join(root, 'public');
  const { entries, problems } = readContent(contentDir, root);

  const find = (collection: CollectionName, lang: Lang, slug: string) =>
    entries.find((e) => e.collection === collection && e.lang === lang && e.slug === slug);

  for (const entry of entries) {
    const at = (field: string) => entry.lines.get(field);
    const add = (severity: Severity, message: string, field?: string, line?: number) =>
      problems.push({
        severity,
        file: entry.file,
        line: line ?? (field ? at(field) : undefined),
        field,
        message,
      });

    // Empty bodies.
    if (needsBody[entry.collection] && !entry.body.trim()) {
      add(
        'error',
        say(
          'has no text below the front matter: write the story after the closing "---"',
          'ยังไม่มีเนื้อหา: เขียนเนื้อหาต่อจากบรรทัด "---" ปิดท้าย',
        ),
        undefined,
        entry.bodyStartLine,
      );
    }

    // Twins.
    for (const other of langs.filter((l) => l !== entry.lang)) {
      const twin = find(entry.collection, other, entry.slug);
      const twinFile = entry.file.replace(`/${entry.lang}/`, `/${other}/`);
      if (!twin) {
        if (
          !entry.data.awaitingTranslation &&
          !langs.some((l) => find(entry.collection, l, entry.slug)?.data.awaitingTranslation)
        ) {
          add(
            'error',
            say(
              `has no ${other} twin: add ${twinFile}, or set "awaitingTranslation: true" here`,
              `ยังไม่มีฉบับภาษา ${other}: เพิ่มไฟล์ ${twinFile} หรือใส่ "awaitingTranslation: true" ในไฟล์นี้`,
            ),
          );
        }
      } else if (entry.lang === langs[0]) {
        // The first language is the source: a twin older than its source may be outdated.
        const source = changedAt(join(root, entry.file));
        const translation = changedAt(join(root, twin.file));
        // A minute's grace: files copied or checked out together differ by moments.
        if (source.getTime() - translation.getTime() > 60_000) {
          problems.push({
            severity: 'warning',
            file: twin.file,
            message: say(
              `may be outdated: ${entry.file} changed on ${source.toISOString().slice(0, 16)}, this translation on ${translation.toISOString().slice(0, 16)}; update it to match`,
              `คำแปลอาจไม่เป็นปัจจุบัน: ${entry.file} แก้ไขเมื่อ ${source.toISOString().slice(0, 16)} แต่ไฟล์นี้แก้ไขเมื่อ ${translation.toISOString().slice(0, 16)}`,
            ),
          });
        }
      }
    }
    if (!entry.valid) continue;

    // References to other entries.
    const refs: [CollectionName, string, string[]][] = [];
    if (entry.collection === 'news') refs.push(['related', 'related', entry.data.related as string[]]);
    if (entry.collection === 'objectives')
      refs.push(['news', 'launchStory', [entry.data.launchStory as string]]);
    for (const [target, field, slugs] of refs) {
      for (const slug of slugs) {
        if (
          !find(target, entry.lang, slug) &&
          !langs.some((l) => find(target, l, slug)?.data.awaitingTranslation)
        ) {
          add(
            'error',
            say(
              `names "${slug}", but there is no content/${target}/${entry.lang}/${slug}.md: fix the name or add the file`,
              `อ้างถึง "${slug}" แต่ไม่มีไฟล์ content/${target}/${entry.lang}/${slug}.md: แก้ชื่อหรือเพิ่มไฟล์`,
            ),
            field,
          );
        }
      }
    }

    // Future dates: published only once the date has come.
    if (entry.collection === 'news') {
      const when = new Date(String(entry.data.published ?? entry.data.date));
      if (when.getTime() > now.getTime()) {
        add(
          'scheduled',
          say(
            `is dated ${when.toISOString()}: it is scheduled and will not be published before then`,
            `ลงวันที่ในอนาคต: จะเผยแพร่เมื่อถึงวันที่กำหนด`,
          ),
          entry.data.published ? 'published' : 'date',
        );
      }
    }

    // Links and images in the body.
    const tokens = md.parse(entry.body, {});
    const walk = (list: typeof tokens, line: number) => {
      for (const token of list) {
        const here = token.map ? entry.bodyStartLine + token.map[0] : line;
        if (token.children) walk(token.children, here);
        if (token.type === 'link_open') checkLink(String(token.attrGet('href') ?? ''), here);
        if (token.type === 'image') {
          const src = String(token.attrGet('src') ?? '');
          if (!token.content.trim())
            add(
              'error',
              say(
                `image ${src} has no alt text: describe it inside ![…](${src})`,
                `รูป ${src} ไม่มีคำบรรยาย: ใส่คำบรรยายใน ![…](${src})`,
              ),
              undefined,
              here,
            );
          if (!/^[a-z]+:/i.test(src) && !existsSync(join(publicDir, src.split(/[?#]/)[0] ?? ''))) {
            add(
              'error',
              say(
                `image ${src} does not exist: put the file in public${src.startsWith('/') ? '' : '/'}${src} or fix the path`,
                `ไม่มีไฟล์รูป ${src}: วางไฟล์ไว้ที่ public${src.startsWith('/') ? '' : '/'}${src} หรือแก้ที่อยู่`,
              ),
              undefined,
              here,
            );
          }
        }
      }
    };
    const checkLink = (href: string, line: number) => {
      if (!href.startsWith('/') || href.startsWith('//')) return;
      const path = href.split(/[?#]/)[0] ?? '';
      const target = resolveRoute(path, entries);
      if (!target) {
        add(
          'error',
          say(
            `link ${href} leads nowhere on this site: fix the address`,
            `ลิงก์ ${href} ไม่มีหน้านี้ในเว็บไซต์: แก้ที่อยู่ลิงก์`,
          ),
          undefined,
          line,
        );
      } else if (target !== entry.lang) {
        add(
          'error',
          say(
            `link ${href} leads to the ${target} site: link to the ${entry.lang} page instead`,
            `ลิงก์ ${href} ไปยังหน้าภาษา ${target}: ลิงก์ไปยังหน้าภาษา ${entry.lang} แทน`,
          ),
          undefined,
          line,
        );
      }
    };
    walk(tokens, entry.bodyStartLine);
  }

  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** The language of the page an internal link leads to, or undefined if there is none. */
function resolveRoute(path: string, entries: Entry[]): Lang | undefined {
  const parts = path
    .replace(/^\/+|\/+$/g, '')
    .split('/')
    .filter(Boolean);
  const lang: Lang =
    parts[0] && isLang(parts[0]) && parts[0] !== defaultLang ? (parts.shift() as Lang) : defaultLang;
  const [section, slug, ...rest] = parts;
  if (rest.length) return undefined;
  const fixed = ['', 'news', 'programme', 'related', 'search', 'sitemap', 'rss.xml'];
  if (!slug) return fixed.includes(section ?? '') ? lang : undefined;
  if (section === 'news' && /^\d+$/.test(slug)) return lang;
  const collection = section === 'news' ? 'news' : section === 'related' ? 'related' : undefined;
  if (!collection) return undefined;
  const exists = (l: Lang) =>
    entries.some(
      (e) => e.collection === collection && e.slug === slug && (e.lang === l || e.data.awaitingTranslation),
    );
  return exists(lang) ? lang : undefined;
}

/** One line per problem: `file:line: severity: field: message`. */
export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}
