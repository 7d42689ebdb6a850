import { describe, expect, it } from 'vitest';
import {
  breadcrumbList,
  event,
  governmentOrganization,
  jsonLd,
  newsArticle,
  organizationIn,
} from './structuredData.ts';

const organization = { name: 'Khon Kaen City Municipality', alternateName: 'เทศบาลนครขอนแก่น' };

describe('structured data', () => {
  it('describes the article with its dates, image and language, written by its source and published by the municipality', () => {
    const data = newsArticle({
      url: 'https://x.go.th/en/news/a/',
      headline: 'Khon Kaen “SMART GENDER”: every gender equal',
      description: 'd',
      datePublished: '2024-02-23T09:00:00+07:00',
      images: ['https://x.go.th/og/en.png'],
      inLanguage: 'en',
      organization,
      source: 'Local Leader Magazine Online',
    });
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      datePublished: '2024-02-23T09:00:00+07:00',
      dateModified: '2024-02-23T09:00:00+07:00',
      image: ['https://x.go.th/og/en.png'],
      inLanguage: 'en',
      author: { '@type': 'NewsMediaOrganization', name: 'Local Leader Magazine Online' },
      publisher: { '@type': 'GovernmentOrganization', name: 'Khon Kaen City Municipality' },
    });
  });

  it('gives no publication date for a story whose publication date is not known', () => {
    const data = newsArticle({
      url: 'https://x.go.th/news/c/',
      headline: 'h',
      description: 'd',
      images: [],
      inLanguage: 'th',
      organization,
    });
    expect(data).not.toHaveProperty('datePublished');
    expect(data).not.toHaveProperty('dateModified');
    expect(data).toMatchObject({ '@type': 'NewsArticle', headline: 'h' });
  });

  it('names the municipality as the author of a story that names no publication', () => {
    const data = newsArticle({
      url: 'https://x.go.th/news/b/',
      headline: 'h',
      description: 'd',
      datePublished: '2024-03-01T10:00:00+07:00',
      images: [],
      inLanguage: 'th',
      organization,
    });
    expect(data.author).toEqual({ '@type': 'GovernmentOrganization', ...organization });
    expect(data.author).toEqual(data.publisher);
  });

  it('describes the launch as an in-person event at its venue', () => {
    const data = event({
      url: 'https://x.go.th/news/a/',
      name: 'SMART GENDER',
      startDate: '2024-02-23T09:00:00+07:00',
      venue: 'พิพิธภัณฑ์ธนารักษ์ จังหวัดขอนแก่น',
      region: 'ขอนแก่น',
      inLanguage: 'th',
      organization,
    });
    expect(data).toMatchObject({
      '@type': 'Event',
      startDate: '2024-02-23T09:00:00+07:00',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        name: 'พิพิธภัณฑ์ธนารักษ์ จังหวัดขอนแก่น',
        address: { addressRegion: 'ขอนแก่น', addressCountry: 'TH' },
      },
      organizer: { name: 'Khon Kaen City Municipality' },
    });
  });

  it('invents nothing about the municipality', () => {
    const names = { th: 'เทศบาลนครขอนแก่น', en: 'Khon Kaen City Municipality' };
    expect(governmentOrganization(organizationIn(names, 'th'))).toEqual({
      '@type': 'GovernmentOrganization',
      name: 'เทศบาลนครขอนแก่น',
      alternateName: 'Khon Kaen City Municipality',
    });
    // An e-mail address only when one is configured.
    expect(governmentOrganization(organizationIn(names, 'en', 'info@example.go.th'))).toEqual({
      '@type': 'GovernmentOrganization',
      name: 'Khon Kaen City Municipality',
      alternateName: 'เทศบาลนครขอนแก่น',
      email: 'info@example.go.th',
    });
  });

  it('numbers breadcrumbs from 1', () => {
    expect(
      breadcrumbList([
        { name: 'Home', url: 'https://x/' },
        { name: 'News', url: 'https://x/news/' },
      ]),
    ).toEqual({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://x/' },
        { '@type': 'ListItem', position: 2, name: 'News', item: 'https://x/news/' },
      ],
    });
  });

  it('cannot be broken out of its script element', () => {
    const text = jsonLd({ '@type': 'Thing', name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(text).toContain('\\u003c/script>');
    const data = JSON.parse(text) as Record<string, unknown>;
    expect(data.name).toBe('</script><script>alert(1)</script>');
    expect(data['@context']).toBe('https://schema.org');
  });
});
