import { describe, expect, it } from 'vitest';
import { shareLinks } from './share.ts';

describe('shareLinks', () => {
  it('builds plain LINE, Facebook and X links carrying the encoded page URL', () => {
    const url = 'https://example.go.th/news/smart-gender-launch/';
    const links = Object.fromEntries(
      shareLinks(url, 'ขอนแก่น “SMART GENDER”').map((l) => [l.network, new URL(l.href)]),
    );
    expect(links.line!.hostname).toBe('social-plugins.line.me');
    expect(links.line!.searchParams.get('url')).toBe(url);
    expect(links.facebook!.searchParams.get('u')).toBe(url);
    expect(links.x!.searchParams.get('url')).toBe(url);
    expect(links.x!.searchParams.get('text')).toBe('ขอนแก่น “SMART GENDER”');
  });
});
