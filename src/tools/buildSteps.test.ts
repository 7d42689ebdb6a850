import { describe, expect, it } from 'vitest';
import { failures, withoutEmptyCollectionWarnings } from './buildSteps.ts';

describe('withoutEmptyCollectionWarnings', () => {
  // As `astro check` printed it on the empty collections of `npm run build`'s type check.
  const output = `14:03:30 [content] Syncing content
14:03:30 [WARN] [markdown-with-photos] No files found matching "*/*.md" in directory "../smart-gender-types-motVL7/content/news"
14:03:30 [WARN] [markdown-with-photos] No files found matching "*/*.md" in directory "../smart-gender-types-motVL7/content/objectives"
14:03:30 [content] Synced content
Result (174 files): 
- 2 errors
`;

  it('leaves out the loader’s warnings about the empty collections, whatever the loader is called', () => {
    expect(withoutEmptyCollectionWarnings(output)).toBe(`14:03:30 [content] Syncing content
14:03:30 [content] Synced content
Result (174 files): 
- 2 errors
`);
    expect(
      withoutEmptyCollectionWarnings(
        '[WARN] [glob-loader] No files found matching "**/*.md" in directory "content/news"\nok\n',
      ),
    ).toBe('ok\n');
  });

  it('leaves them out in colour too, as a run with colour forced prints them', () => {
    const coloured =
      '\u001b[33m\u001b[1m15:22:04\u001b[22m [WARN] [markdown-with-photos]\u001b[39m No files found matching "*/*.md" in directory "../smart-gender-types-SC2xDi/content/news"\nResult (175 files): \n';
    expect(withoutEmptyCollectionWarnings(coloured)).toBe('Result (175 files): \n');
  });

  it('keeps every other line, the type errors above all', () => {
    const errors = 'src/lib/content.ts:3:1 - error ts(2322): No files found is not a type.\n';
    expect(withoutEmptyCollectionWarnings(errors)).toBe(errors);
  });
});

describe('failures', () => {
  it('says every way a build failed, in both languages where editors read it', () => {
    expect(failures({ content: false, types: false })).toEqual([
      'Content has errors (npm run check). / เนื้อหามีข้อผิดพลาด',
      'Type check failed (astro check). / ตรวจชนิดข้อมูลไม่ผ่าน',
    ]);
    expect(failures({ content: true, types: false, build: false })).toEqual([
      'Type check failed (astro check). / ตรวจชนิดข้อมูลไม่ผ่าน',
      'Build failed (astro build). / สร้างเว็บไซต์ไม่สำเร็จ',
    ]);
  });

  it('says nothing of a step that passed or did not run', () => {
    expect(failures({ content: true, types: true, build: true })).toEqual([]);
    expect(failures({ content: true, build: true })).toEqual([]);
    expect(failures({ content: false })).toEqual(['Content has errors (npm run check). / เนื้อหามีข้อผิดพลาด']);
  });
});
