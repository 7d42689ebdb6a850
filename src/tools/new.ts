/**
 * `npm run new -- <kind> <slug>`: starts a new entry in every language, with each field
 * stubbed and explained, as a draft so nothing is published by accident.
 *
 *   npm run new -- news city-pride-walk
 *   npm run new -- related khon-kaen-youth-forum
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../i18n/dictionaries.ts';
import { langs, type Lang } from '../i18n/locales.ts';

const kinds = {
  news: (lang: Lang) => `---
# Headline readers see (at most 120 characters). / หัวข้อข่าว (ไม่เกิน 120 ตัวอักษร)
title: ${t(lang, 'template.headline')}
# One or two sentences for lists, search and link previews (20 to 200 characters).
# สรุปหนึ่งถึงสองประโยค สำหรับรายการข่าว การค้นหา และตัวอย่างลิงก์ (20–200 ตัวอักษร)
description: ${t(lang, 'template.description')}
# When the event took place, in quotes, with +07:00 (Christian Era year).
# วันเวลาที่จัดงาน ใส่ในเครื่องหมายคำพูด พร้อม +07:00 (ปี ค.ศ.)
date: "${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 16)}:00+07:00"
# Where it took place (delete the line if there is no venue). / สถานที่ (ลบบรรทัดนี้ถ้าไม่มี)
venue: ${t(lang, 'template.venue')}
# File names of related stories in content/related/${lang}/ (or an empty list: []).
# ชื่อไฟล์ของเรื่องราวที่เกี่ยวข้องใน content/related/${lang}/ (หรือ [] ถ้าไม่มี)
related: []
# Remove this line, or set it to false, to publish. / ลบบรรทัดนี้ หรือเปลี่ยนเป็น false เพื่อเผยแพร่
draft: true
---

${t(lang, 'template.body')}
`,
  related: (lang: Lang) => `---
# Headline as the original source shows it. / หัวข้อตามต้นฉบับ
title: ${t(lang, 'template.headline')}
# The opening words of the story (at most 200 characters). / ข้อความตอนต้นของข่าว (ไม่เกิน 200 ตัวอักษร)
summary: ${t(lang, 'template.summary')}
# The municipality the story is about. / หน่วยงานที่เป็นเจ้าของข่าว
municipality: ${t(lang, 'template.municipality')}
# Remove this line, or set it to false, to publish. / ลบบรรทัดนี้ หรือเปลี่ยนเป็น false เพื่อเผยแพร่
draft: true
---
`,
} as const;

const [kind, slug] = process.argv.slice(2);
const usage = `Usage: npm run new -- <${Object.keys(kinds).join('|')}> <slug>   e.g. npm run new -- news city-pride-walk`;
if (!kind || !(kind in kinds) || !slug) {
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
const taken = files.filter((f) => existsSync(f.path));
if (taken.length) {
  console.error(
    `${taken.map((f) => f.path).join(', ')} already exists: choose another slug / มีไฟล์ชื่อนี้แล้ว: ใช้ชื่ออื่น`,
  );
  process.exit(1);
}
for (const { lang, path } of files) {
  mkdirSync(join(dir, kind, lang), { recursive: true });
  writeFileSync(path, kinds[kind as keyof typeof kinds](lang));
  console.log(`created ${path}`);
}
console.log(
  'Fill in every field, preview with npm run dev, then run npm run check. / กรอกทุกช่อง ดูตัวอย่างด้วย npm run dev แล้วตรวจด้วย npm run check',
);
