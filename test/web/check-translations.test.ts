import { describe, expect, it } from 'vitest';
import {
  findTranslationProblems,
  loadCatalogues,
  webLocales,
} from '../../scripts/check-translations.js';

describe('web translations', () => {
  it('every locale has every key of zh-CN and en, as valid ICU', () => {
    expect(findTranslationProblems()).toEqual([]);
  });

  it('reports a key missing from one locale, broken ICU and a stray placeholder', () => {
    const cats = loadCatalogues();
    delete cats.fa!['apply.submit'];
    cats.tr!['deadline.overdue'] = '{days, plural, other {# gün}';
    cats.ru!['case.title'] = 'Дело {number}';
    const problems = findTranslationProblems(cats);
    expect(problems).toContain('fa: missing "apply.submit"');
    expect(problems.some((p) => p.startsWith('tr: "deadline.overdue" is not valid ICU'))).toBe(
      true,
    );
    expect(problems).toContain('ru: "case.title" uses unknown placeholders number');
  });

  it('covers the eight interface languages', () => {
    expect([...webLocales].sort()).toEqual(['ar', 'en', 'es', 'fa', 'fr', 'ru', 'tr', 'zh-CN']);
  });
});
