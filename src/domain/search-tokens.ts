/**
 * Text normalisation for case search (docs/decisions/0004-case-search.md). Chinese has no
 * spaces, so text is segmented into words with Intl.Segmenter (ICU's dictionary); Arabic and
 * Persian lose their optional vowel marks and tatweel so that vocalised and plain spellings
 * match. The same function prepares stored text and queries, so both sides agree.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

// Arabic harakat, superscript alef and tatweel: optional marks that must not break a match.
const arabicMarks = /[\u064B-\u065F\u0670\u0640]/g;

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(arabicMarks, '');
}

/** Distinct word tokens of `text`, in order of first appearance. */
export function searchTokensOf(text: string): string[] {
  const out = new Set<string>();
  for (const s of segmenter.segment(normalize(text))) {
    if (s.isWordLike) out.add(s.segment);
  }
  return [...out];
}

/** The stored search text of a case: tokens separated by single spaces. */
export function buildSearchText(parts: readonly (string | null | undefined)[]): string {
  return searchTokensOf(parts.filter(Boolean).join('\n')).join(' ');
}

/** Tokens of a query, at most `max` (a query is a few words, not a document). */
export function queryTokensOf(q: string, max = 8): string[] {
  return searchTokensOf(q).slice(0, max);
}
