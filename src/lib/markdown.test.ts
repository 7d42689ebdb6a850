import { parseFrontmatter } from 'astro/markdown';
import { describe, expect, it } from 'vitest';
import {
  bodyImages,
  imagesShownAsText,
  markdownBlocks,
  markdownBody,
  plainInline,
  renderInline,
} from './markdown.ts';

/** A body's HTML, photos left out. */
const renderMarkdown = (source: string, base?: string, root?: string, printSite?: string) =>
  markdownBlocks(source, base, root, printSite)
    .map((block) => ('html' in block ? block.html : ''))
    .join('');

const hostile = [
  '# หัวข้อ',
  '',
  'ข้อความ <script>alert(1)</script> ต่อ',
  '',
  '<img src="x" onerror="alert(2)">',
  '',
  '[คลิก](javascript:alert(3)) [data](data:text/html,<script>alert(4)</script>) [vb](  JaVaScRiPt:alert(5))',
  '',
  '<a href="https://example.org" onclick="alert(6)">a</a> <iframe src="https://evil.example"></iframe>',
  '',
  '![ภาพ](/images/a.png "ชื่อ")',
].join('\n');

describe('markdownBlocks: the HTML', () => {
  it('renders Markdown', () => {
    expect(renderMarkdown('**ขอนแก่น** และ *เยาวชน*')).toBe(
      '<p><strong>ขอนแก่น</strong> และ <em>เยาวชน</em></p>\n',
    );
  });

  it('lets nothing executable through', () => {
    const html = renderMarkdown(hostile);
    expect(html).not.toMatch(/<script|<iframe|<[a-z][^>]*\son\w+=|href="\s*(javascript|data):/i);
    // Raw HTML and unsafe links show as text instead of disappearing, so the editor sees the mistake.
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('[คลิก](javascript:alert(3))');
    for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\//);
    expect(html).toContain('<h2>หัวข้อ</h2>');
  });

  it('puts the base path in front of a link to a page of the site, on pages and in feeds', () => {
    const source = '[โครงการ](/programme/) [EN](/en/news/a/#top) [นอก](https://example.org/a/) [ที่นี่](#vision)';
    const page = renderMarkdown(source, undefined, '/smart-gender/');
    expect(page).toContain('href="/smart-gender/programme/"');
    expect(page).toContain('href="/smart-gender/en/news/a/#top"');
    expect(page).toContain('href="https://example.org/a/"');
    expect(page).toContain('href="#vision"');
    const feed = renderMarkdown(source, 'https://example.go.th/smart-gender/news/x/', '/smart-gender/');
    expect(feed).toContain('href="https://example.go.th/smart-gender/programme/"');
    expect(feed).toContain('href="https://example.go.th/smart-gender/en/news/a/#top"');
    // At the root of its host, a link stays as the editor wrote it.
    expect(renderMarkdown('[โครงการ](/programme/)', undefined, '/')).toContain('href="/programme/"');
    expect(renderInline('[Programme](/en/programme/)', undefined, '/smart-gender/')).toBe(
      '<a href="/smart-gender/en/programme/">Programme</a>',
    );
  });

  it('gives a link to the site its whole address for print, once the site has an address', () => {
    const source = '[โครงการ](/programme/) [นอก](https://example.org/a/) [ที่นี่](#vision)';
    const page = renderMarkdown(source, undefined, '/smart-gender/', 'https://www.example.go.th/');
    expect(page).toContain(
      '<a href="/smart-gender/programme/" data-print-href="https://www.example.go.th/smart-gender/programme/">',
    );
    // Links away and within the page print as they are (global.css).
    expect(page).toContain('<a href="https://example.org/a/">');
    expect(page).toContain('<a href="#vision">');
    // Without the site's address, or in a feed (whose links are whole already), none.
    expect(renderMarkdown(source, undefined, '/smart-gender/')).not.toContain('data-print-href');
    // An editor cannot set it: Markdown gives no attributes, and raw HTML is shown as text.
    expect(renderMarkdown('<a href="/x/" data-print-href="https://evil.example/">x</a>')).not.toMatch(
      /<a [^>]*data-print-href/,
    );
  });

  it('makes links and images absolute for feeds', () => {
    const html = renderMarkdown('[ข่าว](/news/a/) และ ![ภาพ](img/b.png)', 'https://example.go.th/news/x/');
    expect(html).toContain('href="https://example.go.th/news/a/"');
    expect(html).toContain('src="https://example.go.th/news/x/img/b.png"');
  });

  it('keeps images with their alt text', () => {
    expect(renderMarkdown('ดู ![ภาพงาน](/a.png)')).toContain(
      '<img src="/a.png" alt="ภาพงาน" loading="lazy" />',
    );
  });
});

describe('markdownBlocks', () => {
  const body = [
    'ย่อหน้าแรก',
    '',
    '![ผู้เข้าร่วมในห้องประชุม](../../media/launch/hall.jpg "บรรยากาศในงาน")',
    '',
    'ย่อหน้าที่สอง ![ในประโยค](../../media/a.jpg)',
    '',
    '- ![ในรายการ](../../media/b.jpg)',
  ].join('\n');

  it('cuts the body where a photo stands on its own line, with its alt text and caption', () => {
    const blocks = markdownBlocks(body);
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toEqual({ html: '<p>ย่อหน้าแรก</p>\n' });
    expect(blocks[1]).toEqual({
      photo: { src: '../../media/launch/hall.jpg', alt: 'ผู้เข้าร่วมในห้องประชุม', caption: 'บรรยากาศในงาน' },
    });
    // A photo inside text or a list stays where it is (the content check refuses it).
    expect(blocks[2]).toHaveProperty('html', expect.stringContaining('<li>'));
  });

  it('keeps the cleaning and the absolute links of the rest', () => {
    const [block] = markdownBlocks('[ข่าว](/news/a/) <script>x</script>', 'https://example.go.th/news/x/');
    expect(block).toEqual({
      html: '<p><a href="https://example.go.th/news/a/">ข่าว</a> &lt;script&gt;x&lt;/script&gt;</p>\n',
    });
  });

  it('lists every image with its line and whether it stands alone', () => {
    expect(bodyImages(body).map(({ src, line, alone }) => ({ src, line, alone }))).toEqual([
      { src: '../../media/launch/hall.jpg', line: 2, alone: true },
      { src: '../../media/a.jpg', line: 4, alone: false },
      { src: '../../media/b.jpg', line: 6, alone: false },
    ]);
  });

  it('finds an image written by reference, and none in a body without one', () => {
    const byReference = 'ข้อความ\n\n![ห้องประชุม][hall]\n\n[hall]: ../../media/launch/hall.jpg "งาน"';
    expect(bodyImages(byReference).map(({ src, alone }) => ({ src, alone }))).toEqual([
      { src: '../../media/launch/hall.jpg', alone: true },
    ]);
    expect(bodyImages('ข้อความ [ลิงก์](/news/) และ !ตกใจ [วงเล็บ]')).toEqual([]);
  });

  it('gives a photo named in Thai by its name on disk, not as Markdown encodes it for an address', () => {
    expect(bodyImages('ก\n\n![ห้องประชุม](../../media/launch/ห้องประชุม.jpg)').map(({ src }) => src)).toEqual([
      '../../media/launch/ห้องประชุม.jpg',
    ]);
    // A "%20" that is part of a file's own name stays, and what Markdown would encode in a
    // path written in <…> (a space, brackets) is kept as written.
    const paths = ['../../media/IMG%201234.jpg', '../../media/รูป งาน.jpg', '../../media/hall[1].jpg'];
    const written = ['IMG%201234.jpg', '<../../media/รูป งาน.jpg>', '<../../media/hall[1].jpg>'];
    const body = written.map((p) => `![ภาพ](${p.startsWith('<') ? p : `../../media/${p}`})`).join('\n\n');
    expect(bodyImages(body).map(({ src }) => src)).toEqual(paths);
    // The page's figures name the same files.
    expect(markdownBlocks(body).map((b) => ('photo' in b ? b.photo.src : b.html))).toEqual(paths);
  });

  it('finds the photos Markdown would show as text, with a space in their path', () => {
    const body = [
      'ข้อความ',
      '',
      '![ภาพ](../../media/walk/รูป งาน.jpg)',
      '',
      '![ภาพ](../../media/walk/hall.jpg "ในห้องประชุม")',
      '',
      '![ภาพ](../../media/walk/hall.jpg "นายกเทศมนตรี (กลาง) มอบรางวัล")',
      '',
      'In a sentence, `![code](a b.jpg)` is code.',
      '',
      '```',
      '![code](a b.jpg)',
      '```',
    ].join('\n');
    expect(imagesShownAsText(body)).toEqual([{ src: '../../media/walk/รูป งาน.jpg', line: 2 }]);
    // On its own line within a paragraph, with brackets in its alt text, and in a table.
    expect(imagesShownAsText('ก\nข\n![ภาพ [1]](../../media/รูป งาน.jpg)')).toEqual([
      { src: '../../media/รูป งาน.jpg', line: 2 },
    ]);
    expect(imagesShownAsText('ก\n\n| a |\n| - |\n| ![ภาพ](../../media/รูป งาน.jpg) |')).toEqual([
      { src: '../../media/รูป งาน.jpg', line: 4 },
    ]);
    // Markdown itself makes no image of it: the page would show the text.
    expect(bodyImages(body).map(({ src }) => src)).toEqual([
      '../../media/walk/hall.jpg',
      '../../media/walk/hall.jpg',
    ]);
  });
});

describe('renderInline', () => {
  it('renders emphasis and links without paragraphs', () => {
    expect(renderInline('ส่งเสริม *สิทธิ* [อ่าน](/programme/)')).toBe(
      'ส่งเสริม <em>สิทธิ</em> <a href="/programme/">อ่าน</a>',
    );
  });

  it('drops block elements and anything executable', () => {
    expect(renderInline('<script>x</script> ![i](/a.png) [x](javascript:alert(1))')).toBe(
      '&lt;script&gt;x&lt;/script&gt;  [x](javascript:alert(1))',
    );
  });
});

describe('plainInline', () => {
  it('gives the text of a Markdown line', () => {
    expect(plainInline('ส่งเสริม *สิทธิ* & [โอกาส](/a/)')).toBe('ส่งเสริม สิทธิ & โอกาส');
  });
});

describe('markdownBody', () => {
  const story = '---\ntitle: เปิดตัว\ndate: 2024-02-23T09:00:00+07:00\n---\n\nข่าว *ใหม่*\n\n---\n\nต่อ\n';

  it('is what follows the front matter, trimmed, with rules (---) in the body kept', () => {
    expect(markdownBody(story)).toBe('ข่าว *ใหม่*\n\n---\n\nต่อ');
  });

  it.each([
    ['YAML', story],
    ['a byte-order mark first', `\uFEFF${story}`],
    ['blank lines first', `\n\n${story}`],
    ['Windows line ends', story.replaceAll('\n', '\r\n')],
    ['TOML', '+++\ntitle = "x"\n+++\nข่าว\n'],
    ['empty front matter', '---\n---\nข่าว'],
    ['a front matter closed by the other fence', '---\ntitle: x\n+++\nข่าว'],
    ['spaces before the opening fence', '  ---\ntitle: x\n---\nข่าว'],
    ['no front matter', 'ข่าว\n\n---\n\ntitle: x\n---\n'],
    ['nothing', ''],
  ])("reads a file with %s as Astro's loader does", (_, source) => {
    const astros = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' }).content.trim();
    expect(markdownBody(source)).toBe(astros);
  });
});
