import { z } from 'astro/zod';
import type { Lang } from './locales.ts';
import th from './th.ts';
import en from './en.ts';

export type UIKey = keyof typeof th;
export type Dictionary = Record<UIKey, string>;

/**
 * Every dictionary must hold exactly the Thai dictionary's keys, each a non-empty string,
 * and keep the same `{placeholders}`: checked when the site builds, so a missing or
 * misspelt string stops the build instead of showing a reader a raw key.
 */
export const dictionarySchema = z.strictObject(
  Object.fromEntries(Object.keys(th).map((k) => [k, z.string().trim().min(1)])) as Record<
    UIKey,
    z.ZodString
  >,
);

const raw: Record<Lang, unknown> = { th, en };

function placeholders(text: string): string {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
}

/** Validates every dictionary; throws one error listing every problem found. */
export function checkDictionaries(dicts: Record<string, unknown>): Record<string, Dictionary> {
  const problems: string[] = [];
  const out: Record<string, Dictionary> = {};
  for (const [lang, dict] of Object.entries(dicts)) {
    const result = dictionarySchema.safeParse(dict);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '');
        problems.push(`src/i18n/${lang}.ts: "${key}": ${issue.message}`);
      }
      continue;
    }
    for (const key of Object.keys(th) as UIKey[]) {
      if (placeholders(result.data[key]) !== placeholders(th[key])) {
        problems.push(`src/i18n/${lang}.ts: "${key}" must use the placeholders of the Thai text: ${th[key]}`);
      }
    }
    out[lang] = result.data;
  }
  if (problems.length) throw new Error(`UI strings are incomplete:\n${problems.join('\n')}`);
  return out;
}

const dictionaries = checkDictionaries(raw) as Record<Lang, Dictionary>;

/**
 * The interface string `key` in `lang`, with `{name}` placeholders filled from `vars`.
 * @example t('en', 'pagination.page', { n: 2, total: 5 }) // "Page 2 of 5"
 */
export function t(lang: Lang, key: UIKey, vars: Record<string, string | number> = {}): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}
