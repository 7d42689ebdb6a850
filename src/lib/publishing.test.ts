import { describe, expect, it } from 'vitest';
import { isPublished, scheduledFor } from './publishing.ts';

const now = new Date('2024-03-01T00:00:00+07:00');
const story = { draft: false, date: '2024-02-23T09:00:00+07:00' };

describe('isPublished', () => {
  it('publishes a dated story once its date has come', () => {
    expect(isPublished(story, 'news', now, false)).toBe(true);
  });

  it('keeps drafts out of production builds and shows them while editing', () => {
    expect(isPublished({ ...story, draft: true }, 'news', now, false)).toBe(false);
    expect(isPublished({ ...story, draft: true }, 'news', now, true)).toBe(true);
    expect(isPublished({ draft: true }, 'related', now, false)).toBe(false);
  });

  it('holds a future-dated story until its date, using the publication date when given', () => {
    expect(isPublished({ ...story, date: '2024-03-02T09:00:00+07:00' }, 'news', now, false)).toBe(false);
    expect(
      isPublished(
        { ...story, date: '2024-04-01T09:00:00+07:00', published: '2024-02-20T09:00:00+07:00' },
        'news',
        now,
        false,
      ),
    ).toBe(true);
  });
});

describe('scheduledFor', () => {
  it('gives the date a future story will be published, the publication date first', () => {
    expect(scheduledFor({ date: '2024-03-02T09:00:00+07:00' }, 'news', now)).toEqual(
      new Date('2024-03-02T02:00:00Z'),
    );
    expect(
      scheduledFor(
        { date: '2024-02-01T09:00:00+07:00', published: '2024-04-01T09:00:00+07:00' },
        'news',
        now,
      ),
    ).toEqual(new Date('2024-04-01T02:00:00Z'));
  });

  it('schedules nothing already out, undated, or outside the news', () => {
    expect(scheduledFor(story, 'news', now)).toBeUndefined();
    expect(scheduledFor({}, 'news', now)).toBeUndefined();
    expect(scheduledFor({ date: '2030-01-01T09:00:00+07:00' }, 'related', now)).toBeUndefined();
  });
});
