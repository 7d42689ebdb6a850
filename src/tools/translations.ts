/**
 * `npm run translations`: every entry, with its state in each language, so an editor can
 * see at a glance what still needs translating. Entries pair as the site pairs them, and
 * "may be outdated" is the warning of `npm run check` (the same rule, `staleTranslations`).
 */
import { join, relative } from 'node:path';
import { langs } from '../i18n/locales.ts';
import { readContent } from '../lib/contentCheck.ts';
import { changeDates } from '../lib/contentHistory.ts';
import { pairContent, staleTranslations } from '../lib/contentRules.ts';

const dir = process.env.CONTENT_DIR ?? 'content';
const { entries, unreadable } = readContent(dir, process.cwd());
const changedAt = changeDates(dir);

const rows: string[][] = [];
for (const [collection, { pages }] of pairContent(entries)) {
  const bySlug = new Map<string, typeof pages>();
  for (const page of pages) bySlug.set(page.slug, [...(bySlug.get(page.slug) ?? []), page]);
  const stale = new Set(staleTranslations(pages, changedAt).map((s) => s.translation));
  for (const [slug, twins] of bySlug) {
    const states = langs.map((lang) => {
      const page = twins.find((p) => p.lang === lang);
      if (!page) {
        // There, but not readable: npm run check says what is wrong with it.
        const file = join(dir, collection, lang, `${slug}.md`);
        return unreadable.has(relative(process.cwd(), file)) ? 'ERROR (see npm run check)' : 'MISSING';
      }
      if (page.contentLang !== lang) return `awaiting translation (shows ${page.contentLang})`;
      const { entry } = page.entry;
      const notes = [entry.data.draft ? 'draft' : 'translated'];
      if (stale.has(entry)) notes.push('may be outdated');
      return notes.join(', ');
    });
    rows.push([`${collection}/${slug}`, ...states]);
  }
}
rows.sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));

const header = ['entry', ...langs];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) =>
  cells
    .map((c, i) => c.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));
const missing = rows.filter((r) => r.includes('MISSING')).length;
console.log(`\n${rows.length} entries; ${missing} missing a translation.`);
