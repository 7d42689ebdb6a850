/**
 * `npm run og-image`: draws the link-preview images (`public/og/<lang>.png`, 1200 × 630)
 * that LINE, Facebook and X show for the site's pages. The card is HTML set in the site's
 * own Sarabun font, rendered by Chromium, so Thai vowels and tone marks stack as they do
 * on the site. Run it again after changing the site name or tagline; the PNGs are
 * committed, so building the site needs no browser.
 *
 * Nothing is fetched: the fonts are embedded as data URLs and the browser runs with its
 * background networking off.
 */
import { readFileSync, statSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../config/browser.ts';
import { t } from '../i18n/dictionaries.ts';
import { langs, locales, otherLangs } from '../i18n/locales.ts';
import { ensureBrowser } from './ensureBrowser.ts';

/** Colours of src/styles/global.css (--accent, --accent-ink): a contrast of 9.4:1. */
const accent = '#6a1b9a';
const white = '#ffffff';
/** Large enough for a sharp card, small enough for LINE and Facebook to fetch quickly. */
const maxBytes = 80 * 1024;

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

function card(lang: (typeof langs)[number]): string {
  // The municipality in the card's language, then in each other language, each marked as such.
  const publisher = [
    escape(t(lang, 'site.organization')),
    ...otherLangs(lang).map(
      (o) => `<span lang="${locales[o].lang}">${escape(t(o, 'site.organization'))}</span>`,
    ),
  ].join(' · ');
  return `<!doctype html><html lang="${locales[lang].lang}" dir="${locales[lang].dir}"><head><meta charset="utf-8"><style>${faces}
    body{margin:0;width:1200px;height:630px;box-sizing:border-box;padding:0 96px;display:flex;flex-direction:column;justify-content:center;font-family:Sarabun,sans-serif;background:${accent};color:${white}}
    .bar{width:120px;height:16px;border-radius:8px;background:${white};margin-bottom:44px}
    h1{font-size:96px;line-height:1.25;margin:0;font-weight:700;text-wrap:balance}
    p{font-size:56px;line-height:1.5;margin:16px 0 0}
    small{display:block;font-size:34px;line-height:1.6;margin-top:56px}
    </style></head><body>
    <div class="bar"></div>
    <h1>${escape(t(lang, 'site.name'))}</h1>
    <p>${escape(t(lang, 'site.tagline'))}</p>
    <small>${publisher}</small>
    </body></html>`;
}

if (!ensureBrowser()) process.exit(1);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  // Nothing but the card itself: any request would mean a font or image came from elsewhere.
  await page.route(/^(?!data:|about:)/, (route) => route.abort());
  for (const lang of langs) {
    const path = `public/og/${lang}.png`;
    await page.setContent(card(lang));
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').length);
    if (loaded === 0) throw new Error(`${path}: the Sarabun font did not load`);
    await page.screenshot({ path, type: 'png' });
    const size = statSync(path).size;
    if (size > maxBytes)
      throw new Error(`${path} is ${size} bytes; keep it under ${maxBytes}: simplify the card`);
    console.log(`wrote ${path} (${Math.round(size / 1024)} KB)`);
  }
} finally {
  await browser.close();
}
