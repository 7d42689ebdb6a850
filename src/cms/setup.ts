import { defaultLang, langs } from '../i18n/locales.ts';
import { fileNameFor, fromFile, toBangkok, toFile } from '../lib/cmsFormat.ts';
import { saveProblems, type TranslatedField } from '../lib/cmsLabels.ts';

/**
 * Starts Decap CMS with the site's rules for content files: front matter written as the
 * schemas want it (src/lib/cmsFormat.ts), date-times saved with +07:00 in every language,
 * and a Latin file name made from the headline in Latin letters (the English one) when the
 * editor leaves it empty.
 */

interface Entry {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
}
interface EntryData {
  get(key: string): unknown;
  set(key: string, value: unknown): EntryData;
}
interface DecapCms {
  init(): void;
  registerCustomFormat(
    name: string,
    extension: string,
    format: {
      fromFile: (content: string) => Record<string, unknown>;
      toFile: (data: Record<string, unknown>, sortedKeys?: string[]) => string;
    },
  ): void;
  registerWidgetValueSerializer(
    widget: string,
    serializer: { serialize: (v: unknown) => unknown; deserialize: (v: unknown) => unknown },
  ): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: Entry }) => unknown }): void;
}

declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: DecapCms;
  }
}

function register(cms: DecapCms): void {
  const translated = JSON.parse(document.body.dataset.cmsTranslated ?? '{}') as Record<
    string,
    TranslatedField[]
  >;
  cms.registerCustomFormat('frontmatter-site', 'md', { fromFile, toFile });
  // Runs for every language's copy of the field (a preSave handler reaches only the default one).
  cms.registerWidgetValueSerializer('datetime', { serialize: toBangkok, deserialize: (v) => v });
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const data = entry.get('data') as EntryData;
      // The default language's fields are the entry's own; the others' are under i18n.
      const field = (lang: string, name: string) =>
        lang === defaultLang ? data.get(name) : entry.getIn(['i18n', lang, 'data', name]);
      // The fields each language fills in itself, per collection (src/cms/admin.astro).
      const fields = translated[String(entry.get('collection'))] ?? [];
      const sides = Object.fromEntries(
        langs.map((lang) => [lang, Object.fromEntries(fields.map(({ name }) => [name, field(lang, name)]))]),
      );
      // Thrown, the message is shown to the editor and nothing is saved; the form keeps its text.
      const problems = saveProblems(defaultLang, sides, fields);
      if (problems) throw new Error(problems);
      if (!entry.get('newRecord') || data.get('fileName')) return data;
      return data.set(
        'fileName',
        fileNameFor(
          langs.map((lang) => field(lang, 'title')),
          new Date(),
        ),
      );
    },
  });
}

export function start(): void {
  window.CMS_MANUAL_INIT = true;
  const script = document.createElement('script');
  script.src = document.body.dataset.cmsBundle ?? '';
  script.addEventListener('load', () => {
    const cms = window.CMS;
    if (!cms) throw new Error('Decap CMS did not load');
    register(cms);
    cms.init();
  });
  document.body.append(script);
}
