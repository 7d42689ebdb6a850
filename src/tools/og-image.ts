/**
 * `npm run og-image`: draws the link-preview images (`public/og/<lang>.png`, 1200 × 630)
 * that LINE, Facebook and X show for the site's pages. The card is HTML set in the site's
 * own Sarabun font, rendered by Chromium, so Thai vowels and tone marks stack as they do
 * on the site. Run it again after changing the site name or tagline; the PNGs are
 * committed, so building the site needs no browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { t } from '../i18n/dictionaries.ts';
import { langs, otherLangs } from '../i18n/locales.ts';
import { site } from '../config/site.ts';

const font = (file: string) =>
  `data:font/woff2;base64,${readFileSync(`node_modules/@fontsource/sarabun/files/${file}`).toString('base64')}`;
const faces = ['thai', 'latin']
  .flatMap((subset) =>
    [400, 700].map(
      (weight) =>
        `@font-face{font-family:Sarabun;font-weight:${weight};src:url(${font(`sarabun-${subset}-${weight}-normal.woff2`)}) format('woff2');${subset === 'thai' ? 'unicode-range:U+0E01-0E5B,U+200C-200D,U+25CC;' : ''}}`,
    ),
  )
  .join('');

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const own = chromium.executablePath();
const browser = await chromium.launch({
  ...(existsSync(own) ? {} : { executablePath: '/usr/bin/chromium' }),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
for (const lang of langs) {
  const other = otherLangs(lang)[0]!;
  await page.setContent(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>${faces}
    body{margin:0;width:1200px;height:630px;font-family:Sarabun,sans-serif;background:#6a1b9a;color:#fff;display:flex;flex-direction:column;justify-content:center;padding:0 96px;box-sizing:border-box}
    .mark{display:flex;gap:14px;margin-bottom:48px}.mark i{display:block;width:120px;height:18px;border-radius:9px;background:#fff}
    h1{font-size:96px;line-height:1.25;margin:0;font-weight:700}
    p{font-size:56px;line-height:1.5;margin:16px 0 0}
    small{display:block;font-size:34px;line-height:1.6;margin-top:56px;opacity:.95}
    </style></head><body>
    <div class="mark" aria-hidden="true"><i></i></div><div class="mark" aria-hidden="true" style="margin-top:-34px"><i></i></div>
    <h1>${escape(t(lang, 'site.name'))}</h1>
    <p>${escape(t(lang, 'site.tagline'))}</p>
    <small>${escape(site.organization[lang])} · <span lang="${other}">${escape(site.organization[other])}</span></small>
    </body></html>`);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `public/og/${lang}.png`, type: 'png' });
  console.log(`wrote public/og/${lang}.png`);
}
await browser.close();
