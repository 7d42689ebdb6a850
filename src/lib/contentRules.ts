import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { imageSize } from 'image-size';
import { dirname, join, relative } from 'node:path';
import MarkdownIt from 'markdown-it';
import { t, templateKeys } from '../i18n/dictionaries.ts';
import { defaultLang, langs, type Lang } from '../i18n/locales.ts';
import type { Entry, Problem, Severity } from './contentFiles.ts';
import { mayBeOutdated } from './contentHistory.ts';
import { bangkokClock, bangkokIso } from './dates.ts';
import { isPublished, scheduledFor } from './publishing.ts';
import { missingNames } from './references.ts';
import { routeLang } from './routes.ts';
import { languageName } from './urls.ts';
import { bodyImages, imagesShownAsText } from './markdown.ts';
import { placeholderNames, placeholdersIn } from './policies.ts';
import { settingSpecs, type SettingName, type Settings } from '../config/site.ts';
import { checkHelpers, needsBody, references, say, type CollectionName } from './schemas.ts';
import { pairEntries, type LocalizedPage, type MissingTwin, type PairableEntry } from './twins.ts';

/**
 * The rules of `npm run check` that look across files: bodies, twins, outdated translations,
 * references, scheduled stories, and the links and images in bodies. Each rule asks the same
 * function the site asks (`pairEntries`, `isPublished`, `missingNames`, `scheduledFor`, `routeLang`)
 * and only words the answer for an editor, with the line where it can. Entries are looked
 * up by key, never searched, so the check stays fast at ten thousand files.
 */

export interface RuleOptions {
  /** The time that decides which stories are scheduled. */
  now: Date;
  /** The content folder: photos are named by their path from the entry. */
  contentDir: string;
  /** When a file last changed, by its path in the content folder (see `contentHistory.ts`). */
  changedAt: (path: string) => Date;
  /** The site's settings, which the policy pages' placeholders name. */
  settings: Settings;
  /** Files that exist but could not be read as entries (their own error says why). */
  unreadable?: ReadonlySet<string>;
}

/** An entry as pairing sees it, with the entry it stands for. */
export interface Pairable extends PairableEntry {
  entry: Entry;
}

/** Every page of each collection in each language, as the site would make it (drafts and scheduled stories included). */
interface Pages {
  /** Pages by collection. */
  byCollection: Map<CollectionName, LocalizedPage<Pairable>[]>;
  /** The slugs with a page in a collection and a language, by `<collection>/<lang>`. */
  slugs: Map<string, Set<string>>;
  /** The same, counting only what a production build publishes now. */
  publishedSlugs: Map<string, Set<string>>;
}

/** Adds each page's slug to the set of its collection and language. */
function collectSlugs(
  into: Map<string, Set<string>>,
  collection: CollectionName,
  pages: readonly LocalizedPage<Pairable>[],
) {
  for (const page of pages) {
    const key = `${collection}/${page.lang}`;
    const slugs = into.get(key) ?? new Set<string>();
    slugs.add(page.slug);
    into.set(key, slugs);
  }
}

/**
 * Whether a production build run at `now` publishes the entry (`isPublished`). An invalid
 * entry counts as published unless it is marked a draft: its date may be the very field that
 * is wrong (a Buddhist Era year reads as a date five centuries on), and its own error already
 * names what to fix, so its twin and the entries naming it are not blamed as well.
 */
function publishedNow(e: Entry, now: Date): boolean {
  if (!e.valid) return e.data.draft !== true;
  return isPublished(
    { draft: e.data.draft === true, date: textIn(e.data.date), published: textIn(e.data.published) },
    e.collection,
    now,
    false,
  );
}

/**
 * Each collection's entries paired as the site pairs them (`pairEntries`), drafts and
 * scheduled stories included, as `npm run dev` shows them: the pages, and the twins missing.
 */
export function pairContent(
  entries: readonly Entry[],
): Map<CollectionName, { pages: LocalizedPage<Pairable>[]; missing: MissingTwin<Pairable>[] }> {
  const byCollection = new Map<CollectionName, Pairable[]>();
  for (const entry of entries) {
    const list = byCollection.get(entry.collection) ?? [];
    list.push({
      id: `${entry.lang}/${entry.slug}`,
      filePath: entry.file,
      // An invalid entry's data is as written (its schema error is reported): any value sets a flag.
      data: {
        awaitingTranslation: Boolean(entry.data.awaitingTranslation),
        draft: Boolean(entry.data.draft),
      },
      entry,
    });
    byCollection.set(entry.collection, list);
  }
  return new Map([...byCollection].map(([collection, list]) => [collection, pairEntries(list)]));
}

const md = new MarkdownIt({ html: false });

/** A language's name in Thai, for the Thai half of a message ("อังกฤษ" for en). */
const inThai = (lang: Lang) => languageName(lang, 'th');

/** A field holding text, or undefined. */
const textIn = (value: unknown) => (typeof value === 'string' ? value : undefined);
const noSlugs: ReadonlySet<string> = new Set();

function problem(entry: Entry, severity: Severity, message: string, field?: string, line?: number): Problem {
  return {
    severity,
    file: entry.file,
    line: line ?? (field ? entry.lines.get(field) : undefined),
    field,
    message,
  };
}

/**
 * A missing twin is an error on the entry pairing reports it on (the first language that has
 * one). So is a twin that exists but is a draft or dated later: a production build pairs only
 * what it publishes (`isPublished`), and would stop there.
 */
function twins(
  entries: readonly Entry[],
  now: Date,
  unreadable: ReadonlySet<string>,
  problems: Problem[],
): Pages {
  const pages: Pages = { byCollection: new Map(), slugs: new Map(), publishedSlugs: new Map() };
  const reported = new Set<string>();
  for (const [collection, { pages: paired, missing }] of pairContent(entries)) {
    for (const m of missing) {
      // The twin is there, but its own error (a YAML mistake, say) keeps it from being read.
      if (unreadable.has(m.missingFile)) continue;
      reported.add(`${collection}/${m.lang}/${m.entry.entry.slug}`);
      problems.push(
        problem(
          m.entry.entry,
          'error',
          say(
            `has no ${m.lang} twin: add ${m.missingFile}, or set "awaitingTranslation: true" here`,
            `ยังไม่มีฉบับภาษา${inThai(m.lang)}: เพิ่มไฟล์ ${m.missingFile} หรือใส่ "awaitingTranslation: true" ในไฟล์นี้`,
          ),
        ),
      );
    }
    pages.byCollection.set(collection, paired);
    collectSlugs(pages.slugs, collection, paired);
  }

  const published = entries.filter((e) => publishedNow(e, now));
  for (const [collection, { pages: paired, missing }] of pairContent(published)) {
    collectSlugs(pages.publishedSlugs, collection, paired);
    for (const m of missing) {
      if (reported.has(`${collection}/${m.lang}/${m.entry.entry.slug}`) || unreadable.has(m.missingFile))
        continue;
      problems.push(
        problem(
          m.entry.entry,
          'error',
          say(
            `has no published ${m.lang} twin: ${m.missingFile} is a draft or dated later, and the build would stop; publish both together, or set "awaitingTranslation: true" here`,
            `ฉบับภาษา${inThai(m.lang)}ยังไม่เผยแพร่: ${m.missingFile} เป็นฉบับร่างหรือลงวันที่ในอนาคต ทำให้สร้างเว็บไซต์ไม่ได้ เผยแพร่ทั้งสองภาษาพร้อมกัน หรือใส่ "awaitingTranslation: true" ในไฟล์นี้`,
          ),
        ),
      );
    }
  }
  // A file that exists but could not be read is not missing either for the entries naming it.
  for (const file of unreadable) {
    const [collection, lang, name] = file.split(/[\\/]/).slice(-3);
    const slug = name?.replace(/\.md$/, '');
    if (!collection || !lang || !slug) continue;
    for (const into of [pages.slugs, pages.publishedSlugs]) {
      const slugs = into.get(`${collection}/${lang}`) ?? new Set<string>();
      slugs.add(slug);
      into.set(`${collection}/${lang}`, slugs);
    }
  }
  return pages;
}

/** When a valid entry says it was last found still matching its source (`translationChecked`). */
function checkedAt(entry: Entry): number | undefined {
  const checked = textIn(entry.data.translationChecked);
  return entry.valid && checked ? Date.parse(checked) : undefined;
}

/** A translation that may be outdated, with its source and when each last changed. */
export interface StaleTranslation {
  source: Entry;
  translation: Entry;
  sourceAt: Date;
  translationAt: Date;
}

/**
 * The translations among one collection's paired `pages` that may be outdated. The source
 * language is the default one: a translation (a page in its own language, not one waiting
 * for its translation) last changed before its source, by more than a minute, may be
 * outdated. `npm run check` warns of each, and `npm run translations` marks them. A
 * translator who finds one still matching records it (`translationChecked`): that is a change
 * to the file, which is what makes it current.
 */
export function staleTranslations(
  pages: readonly LocalizedPage<Pairable>[],
  changedAt: RuleOptions['changedAt'],
): StaleTranslation[] {
  const sources = new Map<string, Entry>();
  for (const page of pages) {
    if (page.lang === defaultLang && page.contentLang === defaultLang)
      sources.set(page.slug, page.entry.entry);
  }
  const stale: StaleTranslation[] = [];
  for (const page of pages) {
    const source = sources.get(page.slug);
    if (!source || page.lang === defaultLang || page.contentLang !== page.lang) continue;
    const translation = page.entry.entry;
    const sourceAt = changedAt(source.path);
    const translationAt = changedAt(translation.path);
    if (mayBeOutdated(sourceAt, translationAt)) stale.push({ source, translation, sourceAt, translationAt });
  }
  return stale;
}

/**
 * Warns of every translation that may be outdated (`staleTranslations`). Warned, not
 * refused: a fix of a typo in the source need not change the translation, and the warning
 * says how to record that it still matches.
 */
function outdated(pages: Pages, { changedAt, now }: RuleOptions, problems: Problem[]): void {
  const checked = `translationChecked: "${bangkokIso(now)}"`;
  for (const list of pages.byCollection.values()) {
    for (const { source, translation, sourceAt, translationAt } of staleTranslations(list, changedAt)) {
      const [was, is] = [bangkokClock(sourceAt), bangkokClock(translationAt)];
      problems.push(
        problem(
          translation,
          'warning',
          say(
            `may be outdated: ${source.file} changed on ${was}, this translation on ${is} (Thailand time); update it to match, or, if it still matches, add ${checked} to its front matter`,
            `คำแปลอาจไม่เป็นปัจจุบัน: ${source.file} แก้ไขเมื่อ ${was} แต่ไฟล์นี้แก้ไขเมื่อ ${is} (เวลาประเทศไทย) แก้คำแปลให้ตรงกัน หรือหากยังตรงกันอยู่ ให้เพิ่ม ${checked} ในส่วนหัวของไฟล์นี้`,
          ),
        ),
      );
    }
  }
}

/**
 * `translationChecked` belongs on a translation, and says when it was last found matching:
 * on the source it means nothing, and a time still to come is a slip (a year, a clock).
 */
function translationChecked(entry: Entry, now: Date, problems: Problem[]): void {
  const checked = checkedAt(entry);
  if (checked === undefined) return;
  if (entry.lang === defaultLang) {
    problems.push(
      problem(
        entry,
        'warning',
        say(
          `is the source, which its translations are checked against: translationChecked belongs in each translation's file; remove it here`,
          `ไฟล์นี้เป็นต้นฉบับที่ใช้ตรวจคำแปล: translationChecked ใช้ในไฟล์คำแปลแต่ละไฟล์ ให้ลบออกจากไฟล์นี้`,
        ),
        'translationChecked',
      ),
    );
  } else if (checked > now.getTime() + 60_000) {
    problems.push(
      problem(
        entry,
        'warning',
        say(
          `is later than now (${bangkokIso(now)}): write the time the translation was checked`,
          `เป็นเวลาในอนาคต (ตอนนี้คือ ${bangkokIso(now)}): ใส่เวลาที่ตรวจคำแปล`,
        ),
        'translationChecked',
      ),
    );
  }
}

/** The names a field holds: one name or a list of them. */
function namesIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Every text of `value` with its field path (`cover.alt`, `gallery.1.alt`), strings only. */
function textsIn(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => textsIn(v, `${path}.${String(i)}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => textsIn(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** The words `npm run new` fills in for the editor to replace, in each language. */
const templateWords = new Map(langs.map((lang) => [lang, new Set(templateKeys.map((key) => t(lang, key)))]));

/** A published entry must not keep the words `npm run new` put there to be replaced. */
function placeholders(entry: Entry, problems: Problem[]): void {
  const words = templateWords.get(entry.lang);
  const left = (text: string) => words?.has(text.trim()) === true;
  // A draft may hold them while it is written (`npm run new` makes one): one warning says
  // where, so that "ready to publish" is not taken for "this draft is ready".
  if (entry.data.draft === true) {
    const fields = textsIn(entry.data, '')
      .filter(([, text]) => left(text))
      .map(([field]) => field);
    if (entry.body.split('\n').some((text) => text.trim() && left(text))) fields.push('body');
    if (fields.length === 0) return;
    const where = fields.join(', ');
    problems.push(
      problem(
        entry,
        'warning',
        say(
          `is a draft still holding the template's words (${where}): write the story's own before removing "draft: true"`,
          `เป็นฉบับร่างที่ยังมีข้อความตัวอย่าง (${where}): เขียนข้อความของข่าวนี้ก่อนลบ "draft: true"`,
        ),
      ),
    );
    return;
  }
  const report = (text: string, field?: string, line?: number) =>
    problems.push(
      problem(
        entry,
        'error',
        say(
          `still says "${text.trim()}", the template's words: write this story's own`,
          `ยังเป็นข้อความตัวอย่าง "${text.trim()}": เขียนข้อความของข่าวนี้แทน`,
        ),
        field,
        line,
      ),
    );
  for (const [field, text] of textsIn(entry.data, '')) {
    if (left(text)) report(text, field, entry.lines.get(field.split('.')[0] ?? field));
  }
  entry.body.split('\n').forEach((text, i) => {
    if (text.trim() && left(text)) report(text, undefined, entry.bodyStartLine + i);
  });
}

/**
 * A policy page may name only known settings; a setting it names that is unset leaves its
 * sentence out, which the build reports so that whoever deploys the site can set it.
 */
function policySettings(entry: Entry, settings: Settings, problems: Problem[]): void {
  if (entry.collection !== 'policies') return;
  const named = placeholdersIn(entry.body);
  const unknown = named.filter((name) => !placeholderNames.includes(name));
  for (const name of unknown) {
    problems.push(
      problem(
        entry,
        'error',
        say(
          `{${name}} is not a setting: use one of ${placeholderNames.map((n) => `{${n}}`).join(', ')}`,
          `{${name}} ไม่ใช่ค่าที่ตั้งได้: ใช้ ${placeholderNames.map((n) => `{${n}}`).join(', ')}`,
        ),
      ),
    );
  }
  const unset = named.filter(
    (name): name is SettingName => name in settingSpecs && !settings[name as SettingName],
  );
  if (unset.length) {
    const variables = unset.map((name) => settingSpecs[name].variable).join(', ');
    problems.push(
      problem(
        entry,
        'warning',
        say(
          `leaves out the sentences that need settings not set: ${variables} (README, "Settings")`,
          `ไม่แสดงประโยคที่ต้องใช้ค่าที่ยังไม่ได้ตั้ง: ${variables} (README หัวข้อ "Settings")`,
        ),
      ),
    );
  }
}

/** Rules for one valid entry on its own: the entries it names, and its date. */
function ownRules(entry: Entry, pages: Pages, now: Date, problems: Problem[]): void {
  for (const [field, target] of Object.entries(references[entry.collection])) {
    if (!target) continue;
    const slugs = pages.slugs.get(`${target}/${entry.lang}`) ?? noSlugs;
    const names = namesIn(entry.data[field]);
    const missing = missingNames(names, slugs);
    for (const slug of missing) {
      problems.push(
        problem(
          entry,
          'error',
          say(
            `names "${slug}", but there is no content/${target}/${entry.lang}/${slug}.md: fix the name or add the file`,
            `อ้างถึง "${slug}" แต่ไม่มีไฟล์ content/${target}/${entry.lang}/${slug}.md: แก้ชื่อหรือเพิ่มไฟล์`,
          ),
          field,
        ),
      );
    }
    // A published entry naming one that is not published yet: the build would not find it.
    if (!publishedNow(entry, now)) continue;
    const live = pages.publishedSlugs.get(`${target}/${entry.lang}`) ?? noSlugs;
    for (const slug of missingNames(names, live)) {
      if (missing.includes(slug)) continue;
      problems.push(
        problem(
          entry,
          'error',
          say(
            `names "${slug}", which is a draft or dated later, so the build would stop: publish content/${target}/${entry.lang}/${slug}.md first, or remove the name`,
            `อ้างถึง "${slug}" ซึ่งยังเป็นฉบับร่างหรือลงวันที่ในอนาคต ทำให้สร้างเว็บไซต์ไม่ได้: เผยแพร่ไฟล์ content/${target}/${entry.lang}/${slug}.md ก่อน หรือลบชื่อนี้ออก`,
          ),
          field,
        ),
      );
    }
  }

  const published = textIn(entry.data.published);
  const when = scheduledFor({ date: textIn(entry.data.date), published }, entry.collection, now);
  if (when) {
    problems.push(
      problem(
        entry,
        'scheduled',
        say(
          `is dated ${bangkokClock(when)} (Thailand time): it is scheduled, and will be published by the first build of the site from then`,
          `ลงวันที่ ${bangkokClock(when)} (เวลาประเทศไทย) ซึ่งยังไม่ถึง: จะเผยแพร่เมื่อสร้างเว็บไซต์ครั้งแรกหลังเวลานั้น`,
        ),
        published ? 'published' : 'date',
      ),
    );
  }
}

/** Originals larger than this slow the build and the editor's upload, and gain nothing. */
export const largestPhoto = 10 * 1024 * 1024;
/** Narrower covers look soft in link previews and search results, which want 1200 px. */
export const narrowestCover = 1200;

/** The kinds of image file the build makes photos from (`image-size`'s names for them). */
const photoTypes = new Set(['jpg', 'png', 'webp', 'avif', 'tiff']);

/** How much of a photo file its kind and size are read from: headers come first. */
const headerBytes = 512 * 1024;
const headers = new Map<string, { type: string; width: number } | undefined>();

/**
 * An image file's kind and width, read from its contents (not its name), once per file;
 * undefined if they are not an image at all. The first half megabyte holds them (after any
 * camera metadata); a file whose header lies further in is read whole.
 */
function photoHeader(file: string): { type: string; width: number } | undefined {
  if (headers.has(file)) return headers.get(file);
  const read = (bytes: Buffer) => {
    try {
      const { type = '', width } = imageSize(bytes);
      return { type, width };
    } catch {
      return undefined;
    }
  };
  let found: { type: string; width: number } | undefined;
  try {
    const start = Buffer.alloc(headerBytes);
    const fd = openSync(file, 'r');
    let length: number;
    try {
      length = readSync(fd, start, 0, headerBytes, 0);
    } finally {
      closeSync(fd);
    }
    found =
      read(start.subarray(0, length)) ?? (length === headerBytes ? read(readFileSync(file)) : undefined);
  } catch {
    // A folder named like a photo, a file that cannot be read: not a photo either.
    found = undefined;
  }
  headers.set(file, found);
  return found;
}

/** A photo an entry names: in a front-matter field (`cover`, `gallery.0`, …) or in its body. */
interface NamedPhoto {
  src: string;
  field?: string;
  line: number | undefined;
  /** Body images only: what the check must ask of Markdown that a field cannot get wrong. */
  body?: { alt: string; alone: boolean };
}

/** The photos an entry names, each with where it is named. */
function photosOf(entry: Entry): NamedPhoto[] {
  const named: NamedPhoto[] = [];
  const add = (field: string, value: unknown) => {
    const src = (value as { src?: unknown } | undefined)?.src;
    if (typeof src === 'string')
      named.push({ field, src, line: entry.lines.get(field.split('.')[0] ?? field) });
  };
  add('cover', entry.data.cover);
  const gallery = Array.isArray(entry.data.gallery) ? (entry.data.gallery as unknown[]) : [];
  gallery.forEach((item, i) => {
    add(`gallery.${i}`, item);
  });
  // "![" starts every Markdown image: a body without one needs no parsing, which is most.
  if (entry.body.includes('![')) {
    for (const { src, alt, alone, line } of bodyImages(entry.body)) {
      named.push({ src, line: entry.bodyStartLine + line, body: { alt, alone } });
    }
  }
  return named;
}

/**
 * What is wrong with how a body shows a photo, before looking for the file: every photo
 * needs alt text, comes from `content/media/` (so it is sized for each screen and fetched
 * from the site itself) and stands on a line of its own (so it can be a figure).
 */
function bodyPhotoProblems(src: string, { alt, alone }: { alt: string; alone: boolean }): string[] {
  const found: string[] = [];
  if (!alt.trim()) {
    found.push(
      say(
        `image ${src} has no alt text: describe what it shows inside ![…](${src})`,
        `รูป ${src} ไม่มีคำบรรยาย: บรรยายสิ่งที่เห็นในรูปใน ![…](${src})`,
      ),
    );
  }
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) {
    found.push(
      say(
        `image ${src} is on another site, which readers' browsers would then contact: save the photo (with permission) in content/media/ and give its path from this file, like ../../media/launch/hall.jpg`,
        `รูป ${src} อยู่บนเว็บไซต์อื่น ซึ่งเบราว์เซอร์ของผู้อ่านจะต้องติดต่อ: บันทึกรูป (เมื่อได้รับอนุญาต) ไว้ใน content/media/ แล้วใส่ที่อยู่จากไฟล์นี้ เช่น ../../media/launch/hall.jpg`,
      ),
    );
  } else if (src.startsWith('/')) {
    found.push(
      say(
        `image ${src} is named from the site's root: put the photo in content/media/ and give its path from this file, like ../../media/launch/hall.jpg, so it is sized for each screen`,
        `รูป ${src} ใช้ที่อยู่จากรากของเว็บไซต์: วางรูปไว้ใน content/media/ แล้วใส่ที่อยู่จากไฟล์นี้ เช่น ../../media/launch/hall.jpg เพื่อให้ย่อขนาดตามหน้าจอได้`,
      ),
    );
  }
  const type = checkHelpers.image().safeParse(src);
  if (!type.success) found.push(type.error.issues.map((issue) => `image ${src} ${issue.message}`).join('; '));
  if (!alone) {
    found.push(
      say(
        `image ${src} sits inside a paragraph or list: put it on a line of its own, with a blank line before and after`,
        `รูป ${src} อยู่ในย่อหน้าหรือรายการ: ให้รูปอยู่บรรทัดของตัวเอง เว้นบรรทัดว่างก่อนและหลัง`,
      ),
    );
  }
  return found;
}

/**
 * A story's photos must exist where its front matter or body says, and be neither huge nor
 * small. `bodyOnly`: the body's alone, for an entry whose front matter has errors of its own.
 */
function photos(entry: Entry, contentDir: string, problems: Problem[], bodyOnly = false): void {
  for (const { field, src, line, body } of photosOf(entry)) {
    if (bodyOnly && !body) continue;
    const report = (severity: Severity, message: string) =>
      problems.push(problem(entry, severity, message, field && `${field}.src`, line));
    if (body) {
      const found = bodyPhotoProblems(src, body);
      for (const message of found) report('error', message);
      if (found.length) continue;
    }
    const file = join(contentDir, dirname(entry.path), src);
    const shown = relative(process.cwd(), file) || file;
    if (!existsSync(file)) {
      report(
        'error',
        say(
          `image ${src} does not exist (looked for ${shown}): put the photo in content/media/ and give its path from this file, like ../../media/launch/cover.jpg`,
          `ไม่มีไฟล์รูป ${src} (หาที่ ${shown}): วางรูปไว้ใน content/media/ แล้วใส่ที่อยู่จากไฟล์นี้ เช่น ../../media/launch/cover.jpg`,
        ),
      );
    } else if (!photoTypes.has(photoHeader(file)?.type ?? '')) {
      // The build could not make photos of it, and would stop: a phone's HEIC photo renamed
      // .jpg, a file cut short by a copy.
      report(
        'error',
        say(
          `image ${src} is not a JPEG, PNG, WebP, AVIF or TIFF photo inside, whatever its name says (a phone's HEIC photo renamed .jpg is one): open it in a photo editor and export it as JPEG`,
          `ไฟล์รูป ${src} ไม่ใช่รูป JPEG, PNG, WebP, AVIF หรือ TIFF จริง แม้ชื่อไฟล์จะเป็นเช่นนั้น (เช่น รูป HEIC จากโทรศัพท์ที่เปลี่ยนชื่อเป็น .jpg): เปิดด้วยโปรแกรมแต่งรูปแล้วบันทึกเป็น JPEG`,
        ),
      );
    } else if (statSync(file).size > largestPhoto) {
      report(
        'warning',
        say(
          `image ${src} is over 10 MB: export it at about 2,400 px wide; the site makes every smaller size itself`,
          `รูป ${src} ใหญ่เกิน 10 MB: ย่อให้กว้างประมาณ 2,400 พิกเซล เว็บไซต์จะสร้างขนาดอื่น ๆ เอง`,
        ),
      );
    } else if (field === 'cover') {
      const width = photoHeader(file)?.width;
      if (width !== undefined && width < narrowestCover) {
        report(
          'warning',
          say(
            `image ${src} is ${width} px wide: link previews and search results want at least ${narrowestCover} px; use a larger original if there is one`,
            `รูป ${src} กว้าง ${width} พิกเซล: ตัวอย่างลิงก์และผลการค้นหาต้องการอย่างน้อย ${narrowestCover} พิกเซล ใช้รูปต้นฉบับที่ใหญ่กว่านี้ถ้ามี`,
          ),
        );
      }
    }
  }
}

/** A photo a body means to show, which Markdown would show as text (a space in its path). */
function photosAsText(entry: Entry, problems: Problem[]): void {
  for (const { src, line } of imagesShownAsText(entry.body)) {
    problems.push(
      problem(
        entry,
        'error',
        say(
          `image ${src} would be shown as text, not as a photo: Markdown takes no space in a path; rename the file without spaces (like walk-1.jpg) and write its new name here`,
          `รูป ${src} จะแสดงเป็นข้อความแทนรูป เพราะที่อยู่ของรูปมีเว้นวรรค: เปลี่ยนชื่อไฟล์ให้ไม่มีเว้นวรรค (เช่น walk-1.jpg) แล้วแก้ชื่อในไฟล์นี้`,
        ),
        undefined,
        entry.bodyStartLine + line,
      ),
    );
  }
}

/** Links in bodies must lead to a page in the entry's language. */
function bodyLinks(entry: Entry, pages: Pages, problems: Problem[]): void {
  // Links all start with "[" in Markdown (autolinks need a scheme, so never lead inside the
  // site): a body without one needs no parsing, which is most of them.
  if (!entry.body.includes('[')) return;
  const hasEntry = (collection: CollectionName, lang: Lang, slug: string) =>
    pages.slugs.get(`${collection}/${lang}`)?.has(slug) ?? false;
  const add = (message: string, line: number) =>
    problems.push(problem(entry, 'error', message, undefined, line));

  const checkLink = (href: string, line: number) => {
    if (!href.startsWith('/') || href.startsWith('//')) return;
    const target = routeLang(href, hasEntry);
    if (!target) {
      add(
        say(
          `link ${href} leads nowhere on this site: fix the address`,
          `ลิงก์ ${href} ชี้ไปยังหน้าที่ไม่มีในเว็บไซต์: แก้ที่อยู่ลิงก์`,
        ),
        line,
      );
    } else if (target !== entry.lang) {
      add(
        say(
          `link ${href} leads to the ${target} site: link to the ${entry.lang} page instead`,
          `ลิงก์ ${href} ไปยังหน้าภาษา${inThai(target)}: ลิงก์ไปยังหน้าภาษา${inThai(entry.lang)}แทน`,
        ),
        line,
      );
    }
  };
  const walk = (tokens: ReturnType<typeof md.parse>, line: number) => {
    for (const token of tokens) {
      const here = token.map ? entry.bodyStartLine + token.map[0] : line;
      if (token.children) walk(token.children, here);
      if (token.type === 'link_open') checkLink(String(token.attrGet('href') ?? ''), here);
    }
  };
  walk(md.parse(entry.body, {}), entry.bodyStartLine);
}

/** Every rule across entries, in one pass each; returns the problems found. */
export function checkRules(entries: readonly Entry[], options: RuleOptions): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (needsBody[entry.collection] && !entry.body.trim()) {
      problems.push(
        problem(
          entry,
          'error',
          say(
            'has no text below the front matter: write the story after the closing "---"',
            'ยังไม่มีเนื้อหา: เขียนเนื้อหาต่อจากบรรทัด "---" ปิดท้าย',
          ),
          undefined,
          entry.bodyStartLine,
        ),
      );
    }
  }
  const pages = twins(entries, options.now, options.unreadable ?? new Set(), problems);
  outdated(pages, options, problems);

  for (const entry of entries) {
    // The body is checked whatever state the front matter is in: every problem in one run.
    photosAsText(entry, problems);
    bodyLinks(entry, pages, problems);
    if (!entry.valid) {
      photos(entry, options.contentDir, problems, true);
      continue;
    }
    ownRules(entry, pages, options.now, problems);
    translationChecked(entry, options.now, problems);
    placeholders(entry, problems);
    policySettings(entry, options.settings, problems);
    photos(entry, options.contentDir, problems);
  }
  return problems;
}
