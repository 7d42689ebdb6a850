import { t } from '../i18n/dictionaries.ts';
import type { Lang } from '../i18n/locales.ts';
import { settingSpecs, type Settings } from '../config/site.ts';
import { formatDate } from './dates.ts';

/**
 * The policy pages' text names settings in braces (`{contactEmail}`, `{serverLogDays}`), so
 * a fact about the municipality lives in one place, its setting. A sentence naming a setting
 * that is unset is left out whole, never shown with a gap or a made-up value.
 */

const placeholder = /\{(\w+)\}/g;

/** The names a policy text may use: every setting, the municipality's name and the news source's. */
export const placeholderNames: readonly string[] = [
  ...Object.keys(settingSpecs),
  'organization',
  'sourcePublication',
];

/** The placeholder names in `markdown`, each once, in order. */
export function placeholdersIn(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(placeholder)].map((m) => m[1] ?? ''))];
}

const listItem = /^\s*(?:[-*+]|\d+[.)])\s/;
/** A block that is a heading and nothing else: its level. */
const headingLevel = (block: string) =>
  block.includes('\n') ? undefined : /^(#{1,6})\s/.exec(block)?.[1]?.length;

/**
 * `markdown` with its placeholders filled from `values`. A paragraph, or a list item, that
 * names a value that is missing is left out; so is a heading left with nothing under it.
 * @example fillSettings('Write to {contactEmail}.\n\nThanks.', {}) // "Thanks."
 */
export function fillSettings(markdown: string, values: Record<string, string | undefined>): string {
  const missing = (text: string) => placeholdersIn(text).some((name) => !values[name]);
  const blocks = markdown
    .trim()
    .split(/\n\s*\n/)
    .flatMap((block) => {
      const lines = block.split('\n');
      if (lines.every((line) => listItem.test(line) || /^\s{2,}\S/.test(line))) {
        // A list: only the items that name a missing value go (continuation lines follow their item).
        const items: string[][] = [];
        for (const line of lines) {
          if (listItem.test(line) || !items.length) items.push([line]);
          else items.at(-1)?.push(line);
        }
        const kept = items.filter((item) => !missing(item.join('\n')));
        return kept.length ? [kept.flat().join('\n')] : [];
      }
      return missing(block) ? [] : [block];
    });
  // A heading is empty when the next block is a heading of its level or above, or nothing;
  // dropping one can empty the heading above it, so repeat until none is dropped.
  let kept = blocks;
  for (let before = -1; before !== kept.length;) {
    before = kept.length;
    kept = kept.filter((block, i) => {
      const level = headingLevel(block);
      if (level === undefined) return true;
      const next = kept[i + 1];
      const nextLevel = next === undefined ? 0 : headingLevel(next);
      return nextLevel === undefined || nextLevel > level;
    });
  }
  return kept.join('\n\n').replace(placeholder, (whole, name: string) => values[name] ?? whole);
}

/** A day (YYYY-MM-DD) as the language writes dates: "30 พฤศจิกายน 2569", "30 November 2026". */
const day = (value: string | undefined, lang: Lang) =>
  value && formatDate(new Date(`${value}T12:00:00+07:00`), lang);

/** What the placeholders stand for in `lang`: the settings, dates written in the language. */
export function policyValues(lang: Lang, settings: Settings): Record<string, string | undefined> {
  return {
    ...settings,
    policiesReviewed: day(settings.policiesReviewed, lang),
    accessibilityTested: day(settings.accessibilityTested, lang),
    organization: t(lang, 'site.organization'),
    sourcePublication: t(lang, 'site.sourcePublication'),
  };
}
