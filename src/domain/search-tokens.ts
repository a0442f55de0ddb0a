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

const hanRun = /\p{Script=Han}{2,}/gu;

/**
 * The stored search text of a case: its word tokens separated by single spaces, followed by
 * every unbroken run of Chinese characters. The runs matter because ICU may cut a run one way
 * in a sentence and another way in a short query ("义乌市…" gives 义|乌|市, the query "义乌"
 * gives 义乌); a query word is then still a substring of the run.
 */
export function buildSearchText(parts: readonly (string | null | undefined)[]): string {
  const text = parts.filter(Boolean).join('\n');
  const tokens = searchTokensOf(text);
  const runs = [...new Set(normalize(text).match(hanRun) ?? [])].filter((r) => !tokens.includes(r));
  return [...tokens, ...runs].join(' ');
}

/** Tokens of a query, at most `max` (a query is a few words, not a document). */
export function queryTokensOf(q: string, max = 8): string[] {
  return searchTokensOf(q).slice(0, max);
}
