import { describe, expect, it } from 'vitest';
import { familyName, familyOf, isKnownLanguage } from '../../src/domain/language-families.js';
import { supportedLocales } from '../../src/domain/messages/supported-locales.js';
import { regionOfCountry } from '../../src/domain/matching/region-of-country.js';
import { normalizePartyName } from '../../src/domain/matching/normalize-party-name.js';
import {
  formatMatchingReason,
  matchingMessageCatalog,
} from '../../src/domain/matching/matching-messages.js';

describe('language families (CLDR languageGroups)', () => {
  it.each([
    ['ar', 'sem'],
    ['fa', 'ira'],
    ['ur', 'inc'],
    ['sw', 'bnt'],
    ['ru', 'zle'],
    ['tr', 'trk'],
    ['zh', 'zhx'],
    ['ar-EG', 'sem'],
  ])('%s belongs to %s', (language, family) => {
    expect(familyOf(language)).toBe(family);
  });

  it('has no family for an isolate such as Korean', () => {
    expect(familyOf('ko')).toBeUndefined();
  });

  it('names every demo family in all 8 locales, not by its code', () => {
    for (const family of ['sem', 'ira', 'inc', 'zle', 'trk', 'roa', 'bnt', 'gmw', 'zhx']) {
      for (const locale of supportedLocales) {
        expect(familyName(family, locale), `${family} in ${locale}`).not.toBe(family);
      }
    }
    expect(familyName('sem', 'zh-CN')).toBe('闪米特语族');
    expect(familyName('zle', 'ru')).toBe('восточнославянские языки');
  });

  it('names, in all 8 locales, the family of every language a case or the roster may carry', () => {
    const letters = [...'abcdefghijklmnopqrstuvwxyz'];
    // Every code isKnownLanguage accepts: the forms offer two letters, the API takes three too.
    const codes = letters.flatMap((a) =>
      letters.flatMap((b) => ['', ...letters].map((c) => a + b + c)),
    );
    const families = new Set(
      codes.flatMap((code) => (isKnownLanguage(code) ? (familyOf(code) ?? []) : [])),
    );
    // Yoruba, Igbo, Wolof and Akan are Atlantic-Congo, shown as "alv" before it had a name;
    // Kabyle and Tachelhit are Berber.
    expect(families).toContain('alv');
    expect(families).toContain('ber');
    expect(families.size).toBeGreaterThan(80);
    for (const family of families) {
      for (const locale of supportedLocales) {
        expect(familyName(family, locale), `${family} in ${locale}`).not.toBe(family);
      }
    }
    expect(familyName('alv', 'ar')).toBe('اللغات الأطلسية الكونغولية');
    // A macrolanguage grouping its own varieties is named by Intl.
    expect(familyName('sw', 'fr')).toBe('swahili');
  });
});

describe('regions and names for matching', () => {
  it('finds the UN M49 sub-region through CLDR territory containment', () => {
    expect(regionOfCountry('EG')).toBe('015');
    expect(regionOfCountry('SY')).toBe(regionOfCountry('TR'));
    expect(regionOfCountry('RU')).toBe('151');
  });

  it('normalises company names for conflict checks', () => {
    expect(normalizePartyName('Yiwu Star Trading Co., Ltd.')).toBe(
      normalizePartyName('YIWU STAR TRADING CO LTD'),
    );
    expect(normalizePartyName('义乌星贸易有限公司')).toBe(normalizePartyName('义乌星贸易 公司'));
    expect(normalizePartyName('ＡＢＣ Imports')).toBe('abcimports');
  });
});

describe('matching messages', () => {
  it('has every message in every locale and translates the parameters', () => {
    const en = Object.keys(matchingMessageCatalog.en).sort();
    for (const locale of supportedLocales) {
      expect(Object.keys(matchingMessageCatalog[locale]).sort(), locale).toEqual(en);
    }
    expect(
      formatMatchingReason('zh-CN', 'declaredRelationship', { name: '星贸易', relation: 'client' }),
    ).toBe('已申报与星贸易存在关系（客户）');
    expect(formatMatchingReason('ru', 'workload', { open: 2, limit: 5 })).toBe(
      '2 открытых дела из 5',
    );
    expect(formatMatchingReason('fr', 'sameRegion', { region: '145' })).toBe(
      'de la même région qu’une partie (Asie de l’Ouest)',
    );
  });
});
