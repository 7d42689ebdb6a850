/**
 * `npm run translations`: every entry, with its state in each language, so an editor can
 * see at a glance what still needs translating.
 */
import { join } from 'node:path';
import { langs } from '../i18n/locales.ts';
import { changedAt, readContent } from '../lib/contentCheck.ts';

const dir = process.env.CONTENT_DIR ?? 'content';
const { entries } = readContent(dir, process.cwd());
const keys = [...new Set(entries.map((e) => `${e.collection}/${e.slug}`))].sort();

const rows = keys.map((key) => {
  const [collection, slug] = key.split('/') as [string, string];
  const twins = langs.map((lang) =>
    entries.find((e) => e.collection === collection && e.slug === slug && e.lang === lang),
  );
  const source = twins[0] && changedAt(join(process.cwd(), twins[0].file));
  const states = twins.map((entry, i) => {
    if (!entry) {
      const original = twins.find((t) => t?.data.awaitingTranslation);
      return original ? `awaiting translation (shows ${original.lang})` : 'MISSING';
    }
    const notes = [entry.data.draft ? 'draft' : 'translated'];
    if (i > 0 && source && source.getTime() - changedAt(join(process.cwd(), entry.file)).getTime() > 60_000) {
      notes.push('may be outdated');
    }
    return notes.join(', ');
  });
  return [key, ...states];
});

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
