import thai400 from '@fontsource/sarabun/files/sarabun-thai-400-normal.woff2?url';
import type { FontSubset } from '../i18n/locales.ts';

/**
 * The regular-weight file of each web-font subset declared in fonts.css, as built: a page
 * whose language is set in a subset preloads it (the locale table's `font`), so its body
 * text is not painted in a fallback font first.
 */
export const preloadFont: Record<FontSubset, string> = { thai: thai400 };
