import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { isLang, langs, type Lang } from '../i18n/locales.ts';
import { say, schemas, type CollectionName } from './schemas.ts';

/**
 * Reading `content/` for `npm run check`: walking the folders, decoding each file, reading
 * its front matter with the line of every field, and validating it against its collection's
 * schema. The front matter is parsed by Astro's own parser, so the check reads a file as the
 * build does (`draft: yes` is the text "yes" to both, not true). Each mistake found in a single file becomes a problem; rules across files
 * (twins, references, links) are in `contentRules.ts`.
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
  /** Path relative to the project, as problems show it. */
  file: string;
  /** Path relative to the content folder with `/` between folders: news/th/launch.md. */
  path: string;
  data: Record<string, unknown>;
  body: string;
  /** Line numbers of the front-matter keys. */
  lines: Map<string, number>;
  bodyStartLine: number;
  valid: boolean;
}

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

/**
 * The line of each top-level field of a front matter, for messages. A top-level key starts
 * its line, in the first column, so a look at each line finds it without a second parse
 * (a quoted key is not found: its problems are reported without a line).
 * @example keyLines('title: A\ndate: "…"') // Map { title → 2, date → 3 } (line 1 is the opening ---)
 */
export function keyLines(frontMatter: string): Map<string, number> {
  const lines = new Map<string, number>();
  frontMatter.split('\n').forEach((line, i) => {
    const key = /^([^\s#'"?:,[\]{}&*!|>%@`-][^:#]*?)[ \t]*:(?:\s|$)/.exec(line)?.[1];
    if (key !== undefined && !lines.has(key)) lines.set(key, i + 2);
  });
  return lines;
}

/**
 * The line where a quoted value that is never closed opens. The YAML parser finds the closing
 * quote missing only where the front matter ends, and reports that line, the closing "---",
 * while the mistake is on the line that opened the quote. Undefined when every quote closes.
 * @example unclosedQuoteLine('title: "A\nvenue: B', '"') // 2 (line 1 is the opening ---)
 */
export function unclosedQuoteLine(frontMatter: string, quote: '"' | "'"): number | undefined {
  // Only a quote that starts a value opens one (`title: "…`, `- "…`): quotes inside an
  // unquoted value are text. A quoted value may go on over indented lines; a line that
  // starts at the margin is the next field, so the value before it was never closed.
  const opening = new RegExp(`^\\s*(?:-\\s+|[^\\s:#][^:#]*:\\s+)${quote}`);
  /** Where the quote open before `from` closes on `line`, or -1. */
  const closing = (line: string, from: number) => {
    for (let c = from; c < line.length; c++) {
      // Inside double quotes a backslash escapes the next character; inside single quotes
      // '' is one quote.
      if (quote === '"' && line[c] === '\\') c++;
      else if (quote === "'" && line[c] === "'" && line[c + 1] === "'") c++;
      else if (line[c] === quote) return c;
    }
    return -1;
  };
  let opened: number | undefined;
  // The lines of a block of text (`summary: >`, `- caption: |`) are text, quotes and all: those
  // indented further than its field's name, and blank ones.
  let block: number | undefined;
  for (const [i, line] of frontMatter.split('\n').entries()) {
    if (block !== undefined && (line.trim() === '' || line.search(/\S/) > block)) continue;
    block = undefined;
    if (opened !== undefined) {
      if (/^\S/.test(line)) return opened;
      if (closing(line, 0) >= 0) opened = undefined;
      continue;
    }
    const blockStart = /^(\s*(?:-\s+)?)[^\s:#"'][^:#"']*:\s*[|>][-+1-9]*\s*(#.*)?$/.exec(line);
    if (blockStart) {
      block = blockStart[1]?.length ?? 0;
      continue;
    }
    const start = opening.exec(line);
    if (start && closing(line, start[0].length) < 0) opened = i + 2;
  }
  return opened;
}

/**
 * What a YAML parser's error says and the line of the file it is on. Astro's front-matter
 * parser (the `yaml` package) counts lines within the front matter from the opening "---"
 * line, so its 1-based count is the file's; the line is dropped from the reason, which the
 * report gives before it.
 */
function yamlError(error: unknown): { reason: string; line: number | undefined; quote?: '"' | "'" } {
  const { linePos, message } = (error ?? {}) as { linePos?: { line?: unknown }[]; message?: unknown };
  const line = linePos?.[0]?.line;
  const reason = (String(message).split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  const quote = /^Missing closing (["'])quote/.exec(reason)?.[1] as '"' | "'" | undefined;
  return { reason, line: typeof line === 'number' ? line : undefined, ...(quote && { quote }) };
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

  let bytes: Buffer | undefined;
  try {
    bytes = readFileSync(file);
  } catch {
    bytes = undefined;
  }
  if (!bytes || !isUtf8(bytes)) {
    report(
      say(
        'is not UTF-8 text: save the file as UTF-8 in your editor',
        'ไม่ได้บันทึกเป็น UTF-8: บันทึกไฟล์ใหม่เป็น UTF-8',
      ),
    );
    return undefined;
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
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
  let data: Record<string, unknown>;
  try {
    data = parseFrontmatter(text, { frontmatter: 'preserve' }).frontmatter;
  } catch (error) {
    const { reason, line, quote } = yamlError(error);
    const at = (quote && unclosedQuoteLine(match[1] ?? '', quote)) ?? line;
    const field = [...keyLines(match[1] ?? '')].find(([, l]) => l === at)?.[0];
    report(
      say(
        `YAML syntax error: ${reason}; check quotes, colons and indentation`,
        `ส่วนหัวเขียนผิดรูปแบบ YAML (${reason}): ตรวจเครื่องหมายคำพูด โคลอน และการย่อหน้า`,
      ),
      at,
      field,
    );
    return undefined;
  }
  const lines = keyLines(match[1] ?? '');
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
    path: `${collection}/${lang}/${slug}.md`,
    data: result.success ? result.data : data,
    body,
    lines,
    bodyStartLine,
    valid: result.success,
  };
}

/**
 * Files the editor's system leaves in any folder it shows (macOS's .DS_Store and ._ copies,
 * Windows's Thumbs.db and desktop.ini) and other hidden files: not content, and Astro's
 * loader passes over them too, so they are no mistake to report.
 */
const notContent = (name: string) => name.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(name);

/**
 * Reads every entry under `contentDir`, with the problems found in single files, and the
 * Markdown files that could not be read as entries (by the path problems show): they exist,
 * so a rule across files must not call them missing.
 */
export function readContent(
  contentDir: string,
  root: string,
): { entries: Entry[]; problems: Problem[]; unreadable: Set<string> } {
  const problems: Problem[] = [];
  const entries: Entry[] = [];
  const unreadable = new Set<string>();
  const show = (path: string) => relative(root, path) || path;

  for (const collection of Object.keys(schemas) as CollectionName[]) {
    const dir = join(contentDir, collection);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (notContent(name)) continue;
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
      const shownFolder = show(folder);
      for (const file of readdirSync(folder).sort()) {
        if (notContent(file)) continue;
        const path = join(folder, file);
        const shown = join(shownFolder, file);
        if (!file.endsWith('.md')) {
          problems.push({
            severity: 'error',
            file: shown,
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
            file: shown,
            message: say(
              `has the same name as ${same} apart from capitals: their web addresses would clash; rename one`,
              `ชื่อซ้ำกับ ${same} (ต่างกันแค่ตัวพิมพ์ใหญ่เล็ก): เปลี่ยนชื่อไฟล์ใดไฟล์หนึ่ง`,
            ),
          });
          continue;
        }
        seen.set(key, shown);
        if (!/^[a-z0-9-]+\.md$/.test(file)) {
          problems.push({
            severity: 'error',
            file: shown,
            message: say(
              'file names become web addresses: use lower-case letters, digits and hyphens, like my-story.md',
              'ชื่อไฟล์จะเป็นที่อยู่เว็บ: ใช้อักษรอังกฤษตัวเล็ก ตัวเลข และขีด เช่น my-story.md',
            ),
          });
        }
        const entry = readEntry(collection, name, path, shown, problems);
        if (entry) entries.push(entry);
        else unreadable.add(shown);
      }
    }
  }
  return { entries, problems, unreadable };
}
