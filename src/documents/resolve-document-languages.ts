import type { LocalizedText } from '../domain/agreement-content.js';
import type { CaseDocumentBundle } from './case-document-bundle.js';
import {
  directionOf,
  documentLabels,
  fillLabel,
  isDocumentLanguage,
  languageName,
  type DocumentLabels,
  type DocumentLanguage,
} from './document-labels.js';

export interface DocumentLanguages {
  /** The language asked for (or the foreign party's), even if no template translation exists. */
  requested: string;
  /** The language of the second column's fixed text: `requested`, or English as a fallback. */
  labelLang: DocumentLanguage;
  bilingual: boolean;
  dir2: 'rtl' | 'ltr';
  labelsZh: DocumentLabels;
  labelsSec: DocumentLabels;
  fallbackNote: { zh: string; en: string } | null;
}

const baseLanguage = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * Chinese plus one other language: the one asked for, else the first foreign party's
 * preferred language, else English. A language without template text falls back to English
 * and the page says so.
 */
export function resolveDocumentLanguages(
  bundle: Pick<CaseDocumentBundle, 'parties'>,
  requested: string | undefined,
): DocumentLanguages {
  const fromParties = bundle.parties
    .map((p) => baseLanguage(p.preferredLanguage))
    .find((l) => l && l !== 'zh');
  const lang = baseLanguage(requested ?? '') || fromParties || 'en';
  const labelLang: DocumentLanguage = isDocumentLanguage(lang) ? lang : 'en';
  const fallback = labelLang !== lang;
  return {
    requested: lang,
    labelLang,
    bilingual: lang !== 'zh',
    dir2: directionOf(labelLang),
    labelsZh: documentLabels.zh,
    labelsSec: documentLabels[labelLang],
    fallbackNote: fallback
      ? {
          zh: fillLabel(documentLabels.zh.fallbackNote, { language: languageName(lang, 'zh') }),
          en: fillLabel(documentLabels.en.fallbackNote, { language: languageName(lang, 'en') }),
        }
      : null,
  };
}

export interface PickedText {
  text: string;
  /** Set when the text is not in the wanted language (the original is printed instead). */
  note: string | null;
}

/** The text in `want` (or the first of `fallbacks`), else the original with a visible note. */
export function pickText(
  t: LocalizedText,
  want: string,
  labels: DocumentLabels,
  displayIn: string,
  fallbacks: string[] = [],
): PickedText {
  for (const lang of [want, ...fallbacks]) {
    if (t.lang === lang) return { text: t.text, note: null };
    const tr = t.translations[lang];
    if (tr !== undefined) return { text: tr, note: null };
  }
  return {
    text: t.text,
    note: fillLabel(labels.missingTranslation, { language: languageName(t.lang, displayIn) }),
  };
}

/** Picks the Chinese and second-language versions of a text for a bilingual paragraph. */
export function pickBilingual(t: LocalizedText, langs: DocumentLanguages) {
  const zh = pickText(t, 'zh', langs.labelsZh, 'zh');
  const sec = pickText(
    t,
    langs.requested,
    langs.labelsSec,
    langs.labelLang,
    langs.labelLang === langs.requested ? [] : [langs.labelLang],
  );
  return { zh: zh.text, zhNote: zh.note, sec: sec.text, secNote: sec.note };
}

export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
