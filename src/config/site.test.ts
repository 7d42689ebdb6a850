import { describe, expect, it } from 'vitest';
import { settingsFrom } from './site.ts';

describe('settingsFrom', () => {
  it('reads each setting that is set, trimmed, and leaves the others unset', () => {
    expect(
      settingsFrom({ CONTACT_EMAIL: ' pr@example.go.th ', SERVER_LOG_DAYS: '90', FEEDBACK_URL: '' }),
    ).toEqual({ contactEmail: 'pr@example.go.th', serverLogDays: '90' });
  });

  it('dates the accessibility testing only when it is set: no day is assumed', () => {
    expect(settingsFrom({}).accessibilityTested).toBeUndefined();
    expect(settingsFrom({ ACCESSIBILITY_TESTED: '2026-12-01' })).toEqual({
      accessibilityTested: '2026-12-01',
    });
  });

  it('stops at every malformed value, naming each variable', () => {
    expect(() =>
      settingsFrom({
        CONTACT_EMAIL: 'not an address',
        FEEDBACK_URL: 'http://example.go.th',
        POLICIES_REVIEWED: '30/11/2026',
      }),
    ).toThrow(
      /CONTACT_EMAIL="not an address" is not a valid contact address[\s\S]*FEEDBACK_URL="http:\/\/example\.go\.th" is not a valid where readers report a problem \(https\)[\s\S]*POLICIES_REVIEWED="30\/11\/2026"/,
    );
  });
});
