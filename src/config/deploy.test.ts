import { describe, expect, it } from 'vitest';
import { deployment, normaliseBase, precompressOn, siteUrlNotice } from './deploy.ts';

describe('deployment settings', () => {
  it('defaults to the local preview address at the root', () => {
    expect(deployment({})).toEqual({ site: 'http://localhost:4321', base: '/' });
  });

  it('normalises the base path to slashes at both ends', () => {
    expect(deployment({ SITE_URL: 'https://www.example.go.th', BASE_PATH: 'smart-gender' })).toEqual({
      site: 'https://www.example.go.th',
      base: '/smart-gender/',
    });
    expect(deployment({ SITE_URL: 'https://www.example.go.th/', BASE_PATH: '/a/b' }).base).toBe('/a/b/');
  });

  it.each([
    ['www.example.go.th', /is not a web address: write it with its scheme/],
    ['ftp://www.example.go.th', /must start with https:\/\//],
    ['https://www.example.go.th/?lang=th', /must not have a query string/],
    ['https://www.example.go.th/#top', /must not have a query string or a #fragment/],
    ['https://user:pw@www.example.go.th', /must not contain a user name or password/],
    [
      'https://www.example.go.th/smart-gender/',
      /has a path: set SITE_URL=https:\/\/www\.example\.go\.th and BASE_PATH=\/smart-gender\//,
    ],
  ])('refuses SITE_URL %s with a message saying how to write it', (value, message) => {
    expect(() => deployment({ SITE_URL: value })).toThrow(message);
  });

  it.each([
    ['/smart-gender/?x=1', /must be a plain folder path/],
    ['/smart gender/', /must be a plain folder path/],
    ['https://x.go.th/sg/', /must be a plain folder path/],
    ['/../etc/', /must be a plain folder path/],
    ['/ข่าว/', /may use only letters, digits/],
  ])('refuses BASE_PATH %s', (value, message) => {
    expect(() => deployment({ BASE_PATH: value })).toThrow(message);
  });
});

describe('normaliseBase', () => {
  it('writes any base path with one slash at each end', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase(' / ')).toBe('/');
    expect(normaliseBase('smart-gender')).toBe('/smart-gender/');
    expect(normaliseBase('//city//smart-gender')).toBe('/city/smart-gender/');
  });
});

describe('siteUrlNotice', () => {
  it('says, in English and Thai, that full addresses name this machine while SITE_URL is unset', () => {
    for (const env of [{}, { SITE_URL: '  ' }]) {
      const notice = siteUrlNotice(env);
      expect(notice).toContain('SITE_URL is not set');
      expect(notice).toContain('http://localhost:4321');
      expect(notice).toContain('ยังไม่ได้ตั้ง SITE_URL');
    }
  });

  it('says nothing once SITE_URL is set', () => {
    expect(siteUrlNotice({ SITE_URL: 'https://www.example.go.th' })).toBeUndefined();
  });
});

describe('precompressOn', () => {
  it('writes the compressed copies unless PRECOMPRESS is false, and stops on any other value', () => {
    expect(precompressOn({})).toBe(true);
    expect(precompressOn({ PRECOMPRESS: ' TRUE ' })).toBe(true);
    expect(precompressOn({ PRECOMPRESS: 'False' })).toBe(false);
    expect(() => precompressOn({ PRECOMPRESS: 'no' })).toThrow('PRECOMPRESS "no" must be true or false');
  });
});
