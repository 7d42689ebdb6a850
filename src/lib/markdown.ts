import { extractFrontmatter } from 'astro/markdown';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { assetPath, siteBase } from './urls.ts';

/**
 * The one Markdown renderer of the site, for article bodies on pages and in feeds and for
 * Markdown-bearing front-matter fields. Editors write Markdown, not HTML: raw HTML is shown
 * as text (markdown-it `html: false`), and the output is cleaned again by sanitize-html, so a
 * `<script>`, an `onerror=` attribute or a `javascript:` link can never reach a reader.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

/**
 * The same parser, keeping every path as written, for photos: an image's path names a file,
 * which the renderer percent-encodes for an address (a Thai file name, a space inside `<…>`)
 * and which must be found on disk by its own name, `%20` and all where the name has one.
 * Its tokens stand where the renderer's do, as only the paths differ.
 */
const asWritten = new MarkdownIt({ html: false, linkify: true, typographer: false });
asWritten.normalizeLink = (url) => url;

const allowedTags = [
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  's',
  'a',
  'img',
  'code',
  'pre',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];
const inlineTags = ['strong', 'em', 's', 'a', 'code', 'br'];

/**
 * `base`: the absolute address of the page the HTML is for, which a feed needs (its readers
 * resolve no relative link); without it, links stay as written. `root`: the site's base path.
 * An editor links to a page of the site by its path on the site (`/programme/`, what
 * `npm run check` resolves), so under a base path the link gets it in front
 * (`/smart-gender/programme/`). `printSite`: the site's address, when it is known; a link to
 * the site then also carries its whole address, which a printed page shows after the link
 * text (global.css), as a path alone leads nowhere on paper.
 */
function clean(html: string, tags: string[], base?: string, root = siteBase, printSite?: string): string {
  const onSite = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? assetPath(url, root) : url);
  const absolute = (url: string) => (base ? new URL(onSite(url), base).href : onSite(url));
  const printed = (href: string) =>
    printSite && href.startsWith('/') && !href.startsWith('//')
      ? { 'data-print-href': new URL(href, printSite).href }
      : {};
  return sanitizeHtml(html, {
    allowedTags: tags,
    allowedAttributes: {
      // data-print-href is only ever set below: Markdown gives editors no attributes.
      a: ['href', 'title', 'data-print-href'],
      img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
      ol: ['start'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    transformTags: {
      // The page's title is its only h1: a heading 1 in the body becomes a heading 2.
      h1: 'h2',
      a: (tagName, { 'data-print-href': _unset, ...attribs }) => {
        if (!attribs.href) return { tagName, attribs };
        const href = absolute(attribs.href);
        return { tagName, attribs: { ...attribs, href, ...printed(href) } };
      },
      img: (tagName, attribs) => ({
        tagName,
        attribs: attribs.src ? { ...attribs, src: absolute(attribs.src), loading: 'lazy' } : attribs,
      }),
    },
    // An image without alt text keeps its place but says nothing is known about it.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  });
}

/**
 * A content file's Markdown body, as Astro's loader reads it: what follows the front matter,
 * trimmed. The front matter is found, not parsed: by the time pages read their bodies from the
 * files (src/content.config.ts keeps them out of the content store), the build has parsed it
 * and checked it, and parsing every story's YAML again only to drop it took a second of the
 * pages' 20 s at 5,000 stories per language.
 * @example markdownBody('---\ntitle: x\n---\n\nข่าว *ใหม่*\n') // "ข่าว *ใหม่*"
 */
export function markdownBody(source: string): string {
  const frontMatter = extractFrontmatter(source);
  if (frontMatter === undefined) return source.trim();
  // The opening fence (`---`, or `+++` for TOML) comes first, after a byte-order mark or blank
  // lines; Astro removes the front matter where the closing fence is the same, else none.
  const start = source.search(/\S/);
  const fence = source.slice(start, start + 3);
  const whole = `${fence}${frontMatter}${fence}`;
  return (source.startsWith(whole, start) ? source.slice(start + whole.length) : source).trim();
}

/** A photo standing alone in its paragraph of a Markdown body: `![alt](path "caption")`. */
export interface BodyPhoto {
  /** As written: a path relative to the story file, like `../../media/launch/hall.jpg`. */
  src: string;
  alt: string;
  caption?: string | undefined;
}

/** A Markdown body cut where its photos stand: safe HTML between them. */
export type BodyBlock = { html: string } | { photo: BodyPhoto };

type Token = ReturnType<typeof md.parse>[number];

/** An image's path, as written where the tokens come from `asWritten`. */
const srcOf = (image: Token) => String(image.attrGet('src') ?? '');

/** An image's title (`![alt](path "title")`), which a figure shows as its caption. */
const titleOf = (image: Token) => String(image.attrGet('title') ?? '') || undefined;

/** The image a top-level paragraph holds and nothing else (line breaks and spaces aside). */
function lonePhoto(open: Token | undefined, inline: Token | undefined, close: Token | undefined) {
  if (open?.type !== 'paragraph_open' || open.level !== 0 || close?.type !== 'paragraph_close') return;
  const parts = (inline?.children ?? []).filter(
    (c) => !(c.type === 'softbreak' || (c.type === 'text' && !c.content.trim())),
  );
  const image = parts.length === 1 ? parts[0] : undefined;
  if (image?.type !== 'image') return;
  return { src: srcOf(image), alt: image.content, caption: titleOf(image) };
}

/** An image in a Markdown body, where it stands and whether a page can show it as a figure. */
export interface BodyImage extends BodyPhoto {
  /** Its line, counted from the body's first line (0). */
  line: number;
  /** Alone in a top-level paragraph: shown as a figure. */
  alone: boolean;
}

/**
 * Images a body means to show that Markdown shows as text instead: a path with a space in it
 * (`![ภาพ](../../media/รูป งาน.jpg)`), which Markdown does not read as a path. Found in the
 * text Markdown left once it had made its images (so code, and a caption with brackets in
 * it, are no mistake), with the line of their paragraph.
 * @example imagesShownAsText('ก\n\n![ภาพ](../../media/รูป งาน.jpg)') // [{ src: '../../media/รูป งาน.jpg', line: 2 }]
 */
export function imagesShownAsText(source: string): { src: string; line: number }[] {
  if (!source.includes('![')) return [];
  const found: { src: string; line: number }[] = [];
  // A table cell's text has no line of its own: its row's stands for it.
  let line = 0;
  for (const token of asWritten.parse(source, {})) {
    line = token.map?.[0] ?? line;
    if (token.type !== 'inline') continue;
    const text = (token.children ?? [])
      .filter((child) => child.type === 'text')
      .map((child) => child.content)
      .join('');
    // The alt text may hold brackets of its own ("ภาพ [1]").
    for (const [whole, path = ''] of text.matchAll(/!\[(?:[^[\]]|\[[^\]]*\])*\]\(([^)\n]*)/g)) {
      const at = token.content.indexOf(whole);
      const below = at < 0 ? 0 : token.content.slice(0, at).split('\n').length - 1;
      found.push({ src: path.trim(), line: line + below });
    }
  }
  return found;
}

/** Every image a Markdown body holds, in order, for the content check and the content loader. */
export function bodyImages(source: string): BodyImage[] {
  // Every Markdown image starts with "![": most stories have none, and need no parse.
  if (!source.includes('![')) return [];
  const tokens = asWritten.parse(source, {});
  const images: BodyImage[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== 'inline') return;
    const alone = lonePhoto(tokens[i - 1], token, tokens[i + 1]) !== undefined;
    for (const child of token.children ?? []) {
      if (child.type !== 'image') continue;
      images.push({
        src: srcOf(child),
        alt: child.content,
        caption: titleOf(child),
        line: token.map?.[0] ?? 0,
        alone,
      });
    }
  });
  return images;
}

/**
 * A Markdown body as HTML blocks and the photos between them, so a page can give each
 * photo the same responsive figure as the cover and the gallery. Only a photo alone in its
 * paragraph is cut out (a figure cannot sit inside a paragraph); the content check asks
 * editors to put photos on their own line. `base`, `root` and `printSite`: as `clean` takes them.
 * @example markdownBlocks('ก\n\n![ภาพ](../../media/a.jpg "งาน")') // [{ html: '<p>ก</p>\n' }, { photo: { src: '../../media/a.jpg', alt: 'ภาพ', caption: 'งาน' } }]
 */
export function markdownBlocks(
  source: string,
  base?: string,
  root = siteBase,
  printSite?: string,
): BodyBlock[] {
  const env = {};
  const tokens = md.parse(source, env);
  // The photos' paths as written, from the same blocks (see `asWritten`).
  const written = asWritten.parse(source, {});
  const blocks: BodyBlock[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length)
      blocks.push({
        html: clean(md.renderer.render(run, md.options, env), allowedTags, base, root, printSite),
      });
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const photo = lonePhoto(written[i], written[i + 1], written[i + 2]);
    if (photo) {
      flush();
      blocks.push({ photo });
      i += 2;
    } else if (token) {
      run.push(token);
    }
  }
  flush();
  return blocks;
}

/**
 * One line of Markdown (a summary, an objective) as safe inline HTML: emphasis, links and
 * code only, no paragraphs.
 * @example renderInline('ส่งเสริม *สิทธิ*') // "ส่งเสริม <em>สิทธิ</em>"
 */
export function renderInline(source: string, base?: string, root = siteBase): string {
  return clean(md.renderInline(source), inlineTags, base, root);
}

/** The plain text of one line of Markdown, for meta descriptions and link previews. */
export function plainInline(source: string): string {
  return sanitizeHtml(md.renderInline(source), { allowedTags: [], allowedAttributes: {} })
    .replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"');
}
