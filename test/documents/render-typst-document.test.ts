import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderTypstDocument } from '../../src/documents/render-typst-document.js';
import { sanitizeDocumentText } from '../../src/documents/sanitize-document-text.js';
import {
  zhUppercaseAmount,
  zhUppercaseInteger,
  spellAmount,
} from '../../src/documents/spell-amount.js';

const footer = { lines: ['REF-1'] };
const notice = (name: string) => ({
  bilingual: false,
  lang2: 'zh',
  dir2: 'ltr',
  fallbackNote: null,
  org: { name: '委员会', nameEn: 'Committee' },
  reference: 'REF-1',
  labels: {
    zh: {
      noticeTitle: 'T',
      caseReference: 'R',
      rightsHeading: 'H',
      rights: [],
      dutiesHeading: 'D',
      duties: [],
      acknowledgement: 'A',
    },
    sec: {
      noticeTitle: 'T',
      rightsHeading: 'H',
      rights: [],
      dutiesHeading: 'D',
      duties: [],
      acknowledgement: 'A',
    },
  },
  cols: [],
  committeeLabel: { zh: '调解组织', secs: [] },
  parties: [{ roleZh: '申请人', roleSecs: [], name }],
  intro: { zh: name, secs: [] },
  footer,
});

describe('the typst engine', () => {
  it('turns NUL, C0 controls and lone surrogates into a valid PDF', () => {
    const name = 'A\u0000B\u0007C \uD800 D \uDC00 E\u202E\u2066F';
    const { pdf, pages } = renderTypstDocument('notice-of-rights', notice(name));
    expect(pages).toBe(1);
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
    expect(text).toContain('ABC');
    expect(text).toContain('\uFFFD');
  });

  it('sanitizes: controls dropped, isolates dropped, long unbroken runs get wrap points', () => {
    expect(sanitizeDocumentText('a\u0000b\r\nc\u2069')).toBe('ab\nc');
    expect(
      sanitizeDocumentText('x'.repeat(250))
        .split('\u200B')
        .map((p) => p.length),
    ).toEqual([100, 100, 50]);
    expect(sanitizeDocumentText('😀'.repeat(150))).not.toMatch(/[\uD800-\uDBFF]\u200B/);
  });

  it('writes Chinese uppercase amounts and English words correctly', () => {
    expect(zhUppercaseInteger(100010000n)).toBe('壹亿零壹万');
    expect(zhUppercaseInteger(1001001001n)).toBe('壹拾亿零壹佰万壹仟零壹');
    expect(zhUppercaseInteger(20960000n)).toBe('贰仟零玖拾陆万');
    expect(zhUppercaseAmount(1200050n, 'USD', 2)).toBe('美元壹万贰仟元伍角');
    expect(zhUppercaseAmount(1200005n, 'CNY', 2)).toBe('人民币壹万贰仟元零伍分');
    expect(zhUppercaseAmount(12n, 'CNY', 2)).toBe('人民币壹角贰分');
    expect(zhUppercaseAmount(500000n, 'CNY', 2)).toBe('人民币伍仟元整');
    expect(spellAmount(100500n, 'USD', 2, 'en')).toBe('US Dollar: one thousand and five');
    expect(spellAmount(12000050n, 'USD', 2, 'en')).toBe(
      'US Dollar: one hundred and twenty thousand + 50/100',
    );
    expect(spellAmount(1200000n, 'USD', 2, 'ru')).toBe('доллар США: двенадцать тысяч');
    // n2words 4.0.0 gets 901 000 wrong in Arabic: no words rather than wrong words.
    expect(spellAmount(90100000n, 'USD', 2, 'ar')).toBeNull();
    expect(spellAmount(1200000n, 'USD', 2, 'ar')).toContain('اثنا عشر ألف');
  });
});
