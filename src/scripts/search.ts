/**
 * The search page's script: loads Pagefind's index for the page's language only when the
 * page is opened, keeps the query in the URL (?q=) so a search can be shared and the back
 * button works, and shows a result only when the page really holds what was typed.
 */
import { fill } from '../i18n/fill.ts';
import { excerpt, holdsQuery } from '../lib/searchMatch.ts';
import { withoutWordBreaks } from '../lib/wordBreaks.ts';

interface PagefindResultData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface Pagefind {
  options(options: { baseUrl?: string; noWorker?: boolean }): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}
interface Strings {
  loading: string;
  results: string;
  resultsOne: string;
  none: string;
  unavailable: string;
  kinds: Record<string, string>;
}

/** A result's title and text as the reader should see them: without the index's word marks. */
function readable(d: PagefindResultData): PagefindResultData {
  const title = d.meta.title && withoutWordBreaks(d.meta.title);
  return { ...d, content: withoutWordBreaks(d.content), meta: { ...d.meta, title } };
}

/**
 * How long the status waits, after its last change while the reader types, before a screen
 * reader is told it: "searching…" and a count after every pause in typing would drown the
 * keys' own echo. Enter, Back and a shared link are answered at once.
 */
const settle = 1000;

/** How many results to show, and how many of Pagefind's candidates to check at most. */
const shown = 20;
const checked = 100;

/** An element the search page's markup always has (src/pages/[...lang]/search.astro). */
function find<E extends Element>(parent: ParentNode, selector: string, type: new () => E): E {
  const found = parent.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`The search page has no ${selector}`);
  return found;
}

export function startSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  const form = find(root, 'form', HTMLFormElement);
  const input = find(form, 'input', HTMLInputElement);
  const status = find(root, '[data-search-status]', HTMLElement);
  const announcer = find(root, '[data-search-announce]', HTMLElement);
  const list = find(root, '[data-search-results]', HTMLElement);
  const other = find(root, '[data-search-other]', HTMLElement);
  const browse = find(root, '[data-search-browse]', HTMLElement);
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const base = root.dataset.base ?? '/';

  let pagefind: Promise<Pagefind> | undefined;
  const load = () =>
    (pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (pf: Pagefind) => {
      // No worker: one file less to fetch (12 KB), and this index searches in milliseconds.
      await pf.options({ baseUrl: base, noWorker: true });
      return pf;
    }));

  let announcing: ReturnType<typeof setTimeout> | undefined;
  /** Shows `text` as the status, and has it read out at once or once typing has settled. */
  function say(text: string, now: boolean): void {
    status.textContent = text;
    clearTimeout(announcing);
    if (now) announcer.textContent = text;
    else announcing = setTimeout(() => (announcer.textContent = text), settle);
  }

  let latest = 0;
  /** Searches for `query`; `now` when the reader asked for it (Enter, Back, a link), not while typing. */
  async function run(query: string, now: boolean): Promise<void> {
    const id = ++latest;
    const q = query.trim();
    list.replaceChildren();
    other.hidden = true;
    browse.hidden = true;
    if (!q) {
      say('', now);
      return;
    }
    say(strings.loading, now);
    let found: PagefindResultData[] = [];
    try {
      const pf = await load();
      const search = await pf.search(q);
      const candidates = (search?.results ?? []).slice(0, checked);
      for (let i = 0; i < candidates.length && found.length < shown; i += 10) {
        const batch = (await Promise.all(candidates.slice(i, i + 10).map((r) => r.data()))).map(readable);
        if (id !== latest) return;
        found.push(...batch.filter((d) => holdsQuery(`${d.meta.title ?? ''} ${d.content}`, q)));
      }
    } catch {
      pagefind = undefined;
      if (id === latest) {
        say(strings.unavailable, now);
        browse.hidden = false;
      }
      return;
    }
    if (id !== latest) return;
    found = found.slice(0, shown);
    list.replaceChildren(...found.map((d) => resultItem(d, q)));
    if (found.length === 0) {
      say(fill(strings.none, { q }), now);
      // The same search in each other language: the link keeps its page, gains the query.
      for (const link of other.querySelectorAll('a')) {
        const url = new URL(link.href);
        url.searchParams.set('q', q);
        link.href = url.href;
        link.textContent = fill(link.dataset.template ?? '', { q });
      }
      other.hidden = false;
      browse.hidden = false;
    } else {
      say(fill(found.length === 1 ? strings.resultsOne : strings.results, { n: found.length, q }), now);
    }
  }

  function resultItem(d: PagefindResultData, q: string): HTMLLIElement {
    const li = document.createElement('li');
    const h = li.appendChild(document.createElement('h2'));
    const a = h.appendChild(document.createElement('a'));
    a.href = d.url;
    a.textContent = d.meta.title ?? d.url;
    const meta = li.appendChild(document.createElement('p'));
    meta.className = 'muted';
    const kind = d.filters.kind?.[0];
    meta.textContent = [kind && strings.kinds[kind], d.meta.date].filter(Boolean).join(' · ');
    const text = li.appendChild(document.createElement('p'));
    // A page awaiting translation shows the original's text: its title and excerpt are marked
    // in that language, the result's kind and date stay in the page's (src/lib/indexedPart.ts).
    const textLang = d.meta.textLang;
    if (textLang) h.lang = text.lang = textLang;
    for (const part of excerpt(d.content, q)) {
      text.append(
        part.mark ? Object.assign(document.createElement('mark'), { textContent: part.text }) : part.text,
      );
    }
    return li;
  }

  function queryFromUrl(): string {
    return new URL(location.href).searchParams.get('q') ?? '';
  }

  // History: the first keystroke after a finished search adds an entry, further typing
  // rewrites that entry in place, and pressing Enter settles it. So Back always returns to the
  // previous search, however long the reader paused before pressing Enter.
  let entryQuery = queryFromUrl();
  let drafting = false;
  function setUrl(q: string, settle: boolean): void {
    if (q === entryQuery && !drafting) return;
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    if (drafting) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    entryQuery = q;
    drafting = !settle;
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    // A key pressed before the last status was read out makes it stale: it is not read.
    clearTimeout(announcing);
    typing = setTimeout(() => {
      setUrl(input.value.trim(), false);
      void run(input.value, false);
    }, 150);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    setUrl(input.value.trim(), true);
    void run(input.value, true);
  });
  addEventListener('popstate', () => {
    clearTimeout(typing);
    entryQuery = queryFromUrl();
    drafting = false;
    input.value = entryQuery;
    void run(input.value, true);
  });

  input.value = queryFromUrl();
  if (input.value) void run(input.value, true);
  // Fetch the search engine when the reader heads for the box, not while the page paints
  // (should that fail, the first search fails the same way and says so).
  else input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
}
