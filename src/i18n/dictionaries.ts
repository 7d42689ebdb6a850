import { z } from 'astro/zod';
import { langs, type Lang } from './locales.ts';
import th from './strings/th.ts';
import { fill } from './fill.ts';

export type UIKey = keyof typeof th;
export type Dictionary = Record<UIKey, string>;

/**
 * Every dictionary must hold exactly the Thai dictionary's keys, each a non-empty string,
 * and keep the same `{placeholders}`: checked when the site builds, so a missing or
 * misspelt string stops the build instead of showing a reader a raw key.
 */
export const dictionarySchema = z.strictObject(
  Object.fromEntries(Object.keys(th).map((k) => [k, z.string().trim().min(1)])) as Record<UIKey, z.ZodString>,
);

/**
 * Each language's strings, found by its code in the locale table: `src/i18n/strings/<code>.ts`.
 * Loaded as unknown and checked below, so a file that is missing or incomplete is named.
 */
async function load(lang: Lang): Promise<[Lang, unknown]> {
  try {
    const module = (await import(`./strings/${lang}.ts`)) as { default: unknown };
    return [lang, module.default];
  } catch (error) {
    throw new Error(
      `src/i18n/strings/${lang}.ts: cannot load the strings of "${lang}" (a language of src/i18n/locales.ts): ${(error as Error).message}`,
      { cause: error },
    );
  }
}
const raw = Object.fromEntries(await Promise.all(langs.map(load)));

function placeholders(text: string): string {
  return [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');
}

/** Validates every dictionary; throws one error listing every problem found. */
export function checkDictionaries(dicts: Record<string, unknown>): Record<string, Dictionary> {
  const problems: string[] = [];
  for (const [lang, dict] of Object.entries(dicts)) {
    const file = `src/i18n/strings/${lang}.ts`;
    const result = dictionarySchema.safeParse(dict);
    for (const issue of result.error?.issues ?? []) {
      if (issue.code === 'unrecognized_keys') {
        problems.push(
          `${file}: ${issue.keys.map((k) => `"${k}"`).join(', ')}: not a Thai key; remove it or add it to strings/th.ts`,
        );
      } else {
        const key = issue.path.join('.');
        const missing = (dict as Record<string, unknown>)[key] === undefined;
        problems.push(`${file}: "${key}": ${missing ? 'missing; add the string' : issue.message}`);
      }
    }
    for (const key of Object.keys(th) as UIKey[]) {
      const text = (dict as Record<string, unknown>)[key];
      if (typeof text === 'string' && placeholders(text) !== placeholders(th[key])) {
        problems.push(`${file}: "${key}" must use the placeholders of the Thai text: ${th[key]}`);
      }
    }
  }
  if (problems.length) throw new Error(`UI strings are incomplete:\n${problems.join('\n')}`);
  return dicts as Record<string, Dictionary>;
}

const dictionaries = checkDictionaries(raw) as Record<Lang, Dictionary>;

/**
 * The interface string `key` in `lang`, with `{name}` placeholders filled from `vars`.
 * @example t('en', 'pagination.page', { n: 2, total: 5 }) // "Page 2 of 5"
 */
export function t(lang: Lang, key: UIKey, vars: Record<string, string | number> = {}): string {
  return fill(dictionaries[lang][key], vars);
}

/** The strings `npm run new` writes into a new entry for the editor to replace. */
export const templateKeys = (Object.keys(th) as UIKey[]).filter((key) => key.startsWith('template.'));
