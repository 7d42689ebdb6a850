/**
 * `npm run new -- <kind> <slug> [--photo <file>]…`: starts a new entry in every language,
 * with each field stubbed and explained, as a draft so nothing is published by accident.
 * Photos are copied once into `content/media/<slug>/`: the first is the cover, the others
 * the gallery, each with alt text to write in every language.
 *
 *   npm run new -- news city-pride-walk
 *   npm run new -- news city-pride-walk --photo ~/Pictures/walk.jpg --photo ~/Pictures/stage.jpg
 *   npm run new -- related khon-kaen-youth-forum
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { bangkokIso } from '../lib/dates.ts';
import { parseArgs } from 'node:util';
import { t } from '../i18n/dictionaries.ts';
import { langs, type Lang } from '../i18n/locales.ts';
import { checkHelpers } from '../lib/schemas.ts';

/** Front matter for the photos, by their paths from the entry; empty without photos. */
function photoFields(lang: Lang, paths: string[]): string {
  if (!paths.length) return '';
  const [cover, ...gallery] = paths.map((src) => `src: ${src}\n  alt: ${t(lang, 'template.alt')}`);
  return `# The photo at the top, in lists and link previews. Describe what it shows for readers
# who cannot see it (see the editing guide). / รูปปก บรรยายสิ่งที่เห็นในรูปสำหรับผู้ที่มองไม่เห็น (ดูคู่มือ)
cover:
  ${cover ?? ''}
${
  gallery.length
    ? `# More photos, shown after the text. / รูปเพิ่มเติม แสดงต่อจากเนื้อข่าว
gallery:
${gallery.map((g) => `  - ${g.replace('\n  ', '\n    ')}`).join('\n')}
`
    : ''
}`;
}

const kinds = {
  news: (lang: Lang, photos: string) => `---
# Headline readers see (at most 120 characters). / หัวข้อข่าว (ไม่เกิน 120 ตัวอักษร)
title: ${t(lang, 'template.headline')}
# One or two sentences for lists, search and link previews (20 to 200 characters).
# สรุปหนึ่งถึงสองประโยค สำหรับรายการข่าว การค้นหา และตัวอย่างลิงก์ (20–200 ตัวอักษร)
description: ${t(lang, 'template.description')}
# When the event took place, in quotes, with +07:00 (Christian Era year).
# วันเวลาที่จัดงาน ใส่ในเครื่องหมายคำพูด พร้อม +07:00 (ปี ค.ศ.)
date: "${bangkokIso(new Date()).slice(0, 16)}:00+07:00"
# Where it took place (delete the line if there is no venue). / สถานที่ (ลบบรรทัดนี้ถ้าไม่มี)
venue: ${t(lang, 'template.venue')}
# File names of related stories in content/related/${lang}/ (or an empty list: []).
# ชื่อไฟล์ของเรื่องราวที่เกี่ยวข้องใน content/related/${lang}/ (หรือ [] ถ้าไม่มี)
related: []
${photos}# Remove this line, or set it to false, to publish. / ลบบรรทัดนี้ หรือเปลี่ยนเป็น false เพื่อเผยแพร่
draft: true
---

${t(lang, 'template.body')}
`,
  related: (lang: Lang, photos: string) => `---
# Headline as the original source shows it. / หัวข้อตามต้นฉบับ
title: ${t(lang, 'template.headline')}
# The opening words of the story (at most 200 characters). / ข้อความตอนต้นของข่าว (ไม่เกิน 200 ตัวอักษร)
summary: ${t(lang, 'template.summary')}
# The municipality the story is about. / เทศบาลที่ข่าวกล่าวถึง
municipality: ${t(lang, 'template.municipality')}
${photos}# Remove this line, or set it to false, to publish. / ลบบรรทัดนี้ หรือเปลี่ยนเป็น false เพื่อเผยแพร่
draft: true
---
`,
} as const;

const usage = `Usage: npm run new -- <${Object.keys(kinds).join('|')}> <slug> [--photo <file>]…   e.g. npm run new -- news city-pride-walk --photo walk.jpg`;
let args;
try {
  args = parseArgs({ allowPositionals: true, options: { photo: { type: 'string', multiple: true } } });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const [kind, slug] = args.positionals;
const photos = args.values.photo ?? [];
if (!kind || !(kind in kinds) || !slug || args.positionals.length > 2) {
  console.error(usage);
  process.exit(2);
}
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
  console.error(
    `"${slug}": use lower-case letters, digits and hyphens, like city-pride-walk / ใช้อักษรอังกฤษตัวเล็ก ตัวเลข และขีด`,
  );
  process.exit(2);
}
const dir = process.env.CONTENT_DIR ?? 'content';
const files = langs.map((lang) => ({ lang, path: join(dir, kind, lang, `${slug}.md`) }));
/** Each photo's new name in the story's media folder: lower case, no spaces, its own. */
const media = join(dir, 'media', slug);
const named = new Set<string>();
const copies = photos.map((from) => {
  const stem =
    basename(from, extname(from))
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'photo';
  let name = `${stem}${extname(from).toLowerCase()}`;
  for (let n = 2; named.has(name); n++) name = `${stem}-${String(n)}${extname(from).toLowerCase()}`;
  named.add(name);
  return { from, to: join(media, name) };
});
const problems = [
  ...files
    .filter((f) => existsSync(f.path))
    .map((f) => `${f.path} already exists: choose another slug / มีไฟล์ชื่อนี้แล้ว: ใช้ชื่ออื่น`),
  ...copies.flatMap(({ from, to }) => {
    if (!existsSync(from)) return [`${from}: no such photo / ไม่พบไฟล์รูป`];
    const type = checkHelpers.image().safeParse(from);
    if (!type.success) return [`${from}: ${type.error.issues[0]?.message ?? ''}`];
    return existsSync(to) ? [`${to} already exists: rename the photo / มีไฟล์รูปชื่อนี้แล้ว: เปลี่ยนชื่อรูป`] : [];
  }),
];
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
for (const { from, to } of copies) {
  mkdirSync(media, { recursive: true });
  copyFileSync(from, to);
  console.log(`copied ${from} to ${to}`);
}
const photoPaths = copies.map(({ to }) => `../../media/${slug}/${basename(to)}`);
for (const { lang, path } of files) {
  mkdirSync(join(dir, kind, lang), { recursive: true });
  writeFileSync(path, kinds[kind as keyof typeof kinds](lang, photoFields(lang, photoPaths)));
  console.log(`created ${path}`);
}
console.log(
  'Fill in every field, preview with npm run dev, then run npm run check. / กรอกทุกช่อง ดูตัวอย่างด้วย npm run dev แล้วตรวจด้วย npm run check',
);
