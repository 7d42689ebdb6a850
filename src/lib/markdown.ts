import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * The one Markdown renderer of the site, for article bodies on pages and in feeds and for
 * Markdown-bearing front-matter fields. Editors write Markdown, not HTML: raw HTML is shown
 * as text (markdown-it `html: false`), and the output is cleaned again by sanitize-html, so a
 * `<script>`, an `onerror=` attribute or a `javascript:` link can never reach a reader.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

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

function clean(html: string, tags: string[], base?: string): string {
  const absolute = (url: string) => (base ? new URL(url, base).href : url);
  return sanitizeHtml(html, {
    allowedTags: tags,
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
      ol: ['start'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    transformTags: {
      // The page's title is its only h1: a heading 1 in the body becomes a heading 2.
      h1: 'h2',
      a: (tagName, attribs) => ({
        tagName,
        attribs: attribs.href ? { ...attribs, href: absolute(attribs.href) } : attribs,
      }),
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
 * A Markdown document as safe HTML. With `base`, links and images become absolute (feeds
 * are read away from the site).
 * @example renderMarkdown('**ขอนแก่น**') // "<p><strong>ขอนแก่น</strong></p>\n"
 */
export function renderMarkdown(source: string, base?: string): string {
  return clean(md.render(source), allowedTags, base);
}

/**
 * One line of Markdown (a summary, an objective) as safe inline HTML: emphasis, links and
 * code only, no paragraphs.
 * @example renderInline('ส่งเสริม *สิทธิ*') // "ส่งเสริม <em>สิทธิ</em>"
 */
export function renderInline(source: string, base?: string): string {
  return clean(md.renderInline(source), inlineTags, base);
}

/** The plain text of one line of Markdown, for meta descriptions and link previews. */
export function plainInline(source: string): string {
  return sanitizeHtml(md.renderInline(source), { allowedTags: [], allowedAttributes: {} })
    .replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"');
}
