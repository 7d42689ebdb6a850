import { describe, expect, it } from 'vitest';
import { plainInline, renderInline, renderMarkdown } from './markdown.ts';

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

describe('renderMarkdown', () => {
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

  it('makes links and images absolute for feeds', () => {
    const html = renderMarkdown('[ข่าว](/news/a/) ![ภาพ](img/b.png)', 'https://example.go.th/news/x/');
    expect(html).toContain('href="https://example.go.th/news/a/"');
    expect(html).toContain('src="https://example.go.th/news/x/img/b.png"');
  });

  it('keeps images with their alt text', () => {
    expect(renderMarkdown('![ภาพงาน](/a.png)')).toContain('<img src="/a.png" alt="ภาพงาน" loading="lazy" />');
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
