import { describe, expect, it } from 'vitest';
import { publisherIn, storyEvent } from './facts.ts';

const programme = { officialName: 'โครงการ SMART GENDER', launchStory: 'launch' };
const story = (
  over: Partial<{ slug: string; venue: string | undefined; lang: 'th' | 'en'; contentLang: 'th' | 'en' }>,
) => ({
  slug: over.slug ?? 'launch',
  lang: over.lang ?? 'th',
  contentLang: over.contentLang ?? over.lang ?? 'th',
  entry: {
    data: {
      title: 'เปิดโครงการ',
      description: 'เทศบาลนครขอนแก่นเปิดโครงการ',
      date: '2024-02-23T09:00:00+07:00',
      venue: 'venue' in over ? over.venue : 'พิพิธภัณฑ์ธนารักษ์ จังหวัดขอนแก่น',
    },
  },
});

describe('publisherIn', () => {
  it("names the municipality in the page's language, the other languages as alternates", () => {
    expect(publisherIn('th')).toMatchObject({
      name: 'เทศบาลนครขอนแก่น',
      alternateName: 'Khon Kaen City Municipality',
    });
    expect(publisherIn('en')).toMatchObject({
      name: 'Khon Kaen City Municipality',
      alternateName: 'เทศบาลนครขอนแก่น',
    });
  });
});

describe('storyEvent', () => {
  it("names the launch story's event after the programme, with the province its venue names", () => {
    expect(storyEvent(story({}), programme, 'https://x/news/launch/')).toMatchObject({
      name: 'โครงการ SMART GENDER',
      startDate: '2024-02-23T09:00:00+07:00',
      venue: 'พิพิธภัณฑ์ธนารักษ์ จังหวัดขอนแก่น',
      region: 'ขอนแก่น',
      inLanguage: 'th',
      url: 'https://x/news/launch/',
      organization: { name: 'เทศบาลนครขอนแก่น' },
    });
  });

  it('names other events by their headline, and gives no province the venue does not name', () => {
    const other = storyEvent(
      story({ slug: 'walk', venue: 'Bueng Kaen Nakhon', lang: 'en', contentLang: 'th' }),
      programme,
      'u',
    );
    expect(other).toMatchObject({ name: 'เปิดโครงการ', region: undefined, inLanguage: 'th' });
    // On an English page the publisher is named in English even when the text is the Thai original.
    expect(other?.organization.name).toBe('Khon Kaen City Municipality');
  });

  it('has no event for a story without a venue', () => {
    expect(storyEvent(story({ venue: undefined }), programme, 'u')).toBeUndefined();
  });
});
