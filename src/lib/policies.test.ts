import { describe, expect, it } from 'vitest';
import { fillSettings, placeholdersIn, policyValues } from './policies.ts';

const statement = [
  '# ติดต่อ',
  '',
  'แจ้งปัญหาได้ที่ {contactEmail}',
  '',
  '## ช่องทางอื่น',
  '',
  'แบบฟอร์มที่ {feedbackUrl}',
  '',
  '## บันทึกของเครื่องแม่ข่าย',
  '',
  '- เก็บไว้ {serverLogDays} วัน',
  '- ไม่มีคุกกี้',
].join('\n');

describe('fillSettings', () => {
  it('fills every setting that is set', () => {
    const text = fillSettings(statement, {
      contactEmail: 'pr@example.go.th',
      feedbackUrl: 'https://example.go.th/feedback',
      serverLogDays: '90',
    });
    expect(text).toContain('แจ้งปัญหาได้ที่ pr@example.go.th');
    expect(text).toContain('แบบฟอร์มที่ https://example.go.th/feedback');
    expect(text).toContain('- เก็บไว้ 90 วัน\n- ไม่มีคุกกี้');
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('leaves out a sentence or list item whose setting is unset, and a heading left empty', () => {
    const text = fillSettings(statement, { contactEmail: 'pr@example.go.th' });
    expect(text).toBe(
      ['# ติดต่อ', '', 'แจ้งปัญหาได้ที่ pr@example.go.th', '', '## บันทึกของเครื่องแม่ข่าย', '', '- ไม่มีคุกกี้'].join('\n'),
    );
  });

  it('keeps a heading that has its text in the same block', () => {
    expect(fillSettings('## ติดต่อ\nเขียนถึงเรา\n\n## อื่น ๆ\n\nข้อความ', {})).toBe(
      '## ติดต่อ\nเขียนถึงเรา\n\n## อื่น ๆ\n\nข้อความ',
    );
  });

  it('leaves nothing of a section all of whose text needs settings', () => {
    expect(fillSettings(statement, {})).toBe('# ติดต่อ\n\n## บันทึกของเครื่องแม่ข่าย\n\n- ไม่มีคุกกี้');
    expect(fillSettings('## A\n\n### B\n\n{x}\n\n## C\n\nc', {})).toBe('## C\n\nc');
  });
});

describe('placeholdersIn', () => {
  it('names each placeholder once', () => {
    expect(placeholdersIn(statement)).toEqual(['contactEmail', 'feedbackUrl', 'serverLogDays']);
  });
});

describe('policyValues', () => {
  it('writes dates in the language, Buddhist Era in Thai, and names the publisher', () => {
    const th = policyValues('th', { policiesReviewed: '2026-11-30' });
    expect(th.policiesReviewed).toBe('30 พฤศจิกายน 2569');
    expect(th.organization).toBe('เทศบาลนครขอนแก่น');
    expect(policyValues('en', { accessibilityTested: '2026-11-30' }).accessibilityTested).toBe(
      '30 November 2026',
    );
  });
});
