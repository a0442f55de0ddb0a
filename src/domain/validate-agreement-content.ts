import { AppError } from './app-error.js';
import type { AgreementContent, LocalizedText } from './agreement-content.js';
import { isKnownLanguage } from './language-families.js';
import { parseMoney } from './money.js';
import { isValidDate } from './performance-rules.js';
import { baseLanguage, readableLanguages } from './translation-coverage.js';

export interface AgreementTerms {
  amountMinor: number | null;
  currency: string | null;
  instalments: { seq: number; dueOn: string; amountMinor: number }[];
}

/**
 * The rules the zod shape cannot say: points numbered 1..n, a known currency with a decimal
 * amount, and an instalment plan that is dated, in order and adds up to the amount exactly
 * ("how and by when", Art. 29). A monetary agreement needs at least one instalment: a single
 * payment is one instalment with its due date. Every language code is a known ISO 639 code.
 */
export function validateAgreementContent(content: AgreementContent): AgreementTerms {
  const texts: [string, LocalizedText][] = [
    ['content.facts', content.facts],
    ['content.disputedMatters', content.disputedMatters],
    ['content.responsibilities', content.responsibilities],
    ['content.performanceMethod', content.performanceMethod],
    ...content.points.map((p, i): [string, LocalizedText] => [`content.points.${i}.text`, p.text]),
  ];
  for (const [field, t] of texts) {
    if (!isKnownLanguage(t.lang))
      throw new AppError('VALIDATION_FAILED', { field: `${field}.lang` });
    for (const lang of Object.keys(t.translations)) {
      if (!isKnownLanguage(lang))
        throw new AppError('VALIDATION_FAILED', { field: `${field}.translations.${lang}` });
    }
  }
  if (!isKnownLanguage(content.prevailingLanguage))
    throw new AppError('VALIDATION_FAILED', { field: 'content.prevailingLanguage' });
  content.points.forEach((p, i) => {
    if (p.no !== i + 1)
      throw new AppError('VALIDATION_FAILED', { field: `content.points.${i}.no` });
  });
  if ((content.amount === null) !== (content.currency === null)) {
    throw new AppError('VALIDATION_FAILED', {
      field: content.amount === null ? 'content.amount' : 'content.currency',
    });
  }
  if (content.amount === null || content.currency === null) {
    if (content.instalments.length > 0)
      throw new AppError('VALIDATION_FAILED', { field: 'content.instalments' });
    return { amountMinor: null, currency: null, instalments: [] };
  }
  const total = parseMoney(content.amount, content.currency, 'content.amount');
  if (total.amountMinor <= 0) throw new AppError('VALIDATION_FAILED', { field: 'content.amount' });
  if (content.instalments.length === 0)
    throw new AppError('VALIDATION_FAILED', { field: 'content.instalments' });
  let sum = 0;
  let prevDate = '';
  const instalments = content.instalments.map((p, i) => {
    if (p.seq !== i + 1)
      throw new AppError('VALIDATION_FAILED', { field: `content.instalments.${i}.seq` });
    if (!isValidDate(p.dueOn) || p.dueOn < prevDate)
      throw new AppError('VALIDATION_FAILED', { field: `content.instalments.${i}.dueOn` });
    prevDate = p.dueOn;
    const m = parseMoney(p.amount, total.currency, `content.instalments.${i}.amount`);
    if (m.amountMinor <= 0)
      throw new AppError('VALIDATION_FAILED', { field: `content.instalments.${i}.amount` });
    sum += m.amountMinor;
    return { seq: p.seq, dueOn: p.dueOn, amountMinor: m.amountMinor };
  });
  if (sum !== total.amountMinor)
    throw new AppError('VALIDATION_FAILED', {
      field: 'content.instalments',
      details: { reason: 'instalments_do_not_add_up' },
    });
  return { amountMinor: total.amountMinor, currency: total.currency, instalments };
}

/**
 * The prevailing language (the version that decides if the texts diverge) is Chinese or a
 * language one of the parties reads: a party must be able to read the text that binds them.
 */
export function requirePrevailingLanguage(
  prevailingLanguage: string,
  parties: readonly { preferredLanguage: string; languages: readonly string[] }[],
): void {
  const allowed = new Set(['zh', ...parties.flatMap((p) => readableLanguages(p))]);
  if (!allowed.has(baseLanguage(prevailingLanguage)))
    throw new AppError('VALIDATION_FAILED', {
      field: 'content.prevailingLanguage',
      details: { reason: 'not_a_party_language', allowed: [...allowed].sort() },
    });
}
