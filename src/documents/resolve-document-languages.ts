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

/** One language beside the Chinese: a party's, or the one asked for. */
export interface DocumentColumn {
  /** The language this column stands for (its content is picked in this language). */
  want: string;
  /** The language of the column's fixed text: `want`, or English when it has no template text. */
  labelLang: DocumentLanguage;
  dir: 'rtl' | 'ltr';
  labels: DocumentLabels;
  /** Set (in the column's label language) when the fixed text is not in `want`. */
  fallbackNote: string | null;
}

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
  /**
   * Every language besides Chinese the document is printed in: the one asked for first, then
   * each party's preferred language, so that every party finds the whole text in a language
   * they read (issue 15). Empty for a Chinese-only document.
   */
  columns: DocumentColumn[];
}

const baseLanguage = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

export function documentColumn(want: string): DocumentColumn {
  const labelLang: DocumentLanguage = isDocumentLanguage(want) ? want : 'en';
  return {
    want,
    labelLang,
    dir: directionOf(labelLang),
    labels: documentLabels[labelLang],
    fallbackNote:
      labelLang === want
        ? null
        : fillLabel(documentLabels[labelLang].fallbackNote, {
            language: languageName(want, labelLang),
          }),
  };
}

/**
 * Chinese plus the other languages: the one asked for, else the first foreign party's
 * preferred language, else English; and in `columns`, every party's language too. A language
 * without template text falls back to English labels and the page says so.
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
  const wanted = new Set<string>();
  if (lang !== 'zh') wanted.add(lang);
  // Asking for Chinese alone (?lang=zh) prints Chinese alone; otherwise every party's language.
  if (lang !== 'zh')
    for (const p of bundle.parties) {
      const l = baseLanguage(p.preferredLanguage);
      if (l && l !== 'zh') wanted.add(l);
    }
  return {
    columns: [...wanted].map(documentColumn),
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

/** The text for each column, each with its own visible note when its translation is missing. */
export function pickColumns(t: LocalizedText, langs: DocumentLanguages): PickedText[] {
  return langs.columns.map((c) => pickText(t, c.want, c.labels, c.labelLang));
}

export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
