/**
 * Makes user text safe to typeset. Typst receives it as data (never as markup), so this is
 * not about injection; it removes what would break the PDF or let one field reorder the page:
 * - lone surrogates (invalid UTF-16) become U+FFFD, since the JSON hand-over must be valid UTF-8;
 * - NUL and other C0/C1 controls except tab and newline are dropped;
 * - bidi isolates (U+2066–U+2069) are dropped, because the templates wrap every user field in
 *   an isolate of their own (FSI … PDI) and a stray PDI inside would close it early. Embeddings
 *   and overrides (U+202A–U+202E) stay: inside the isolate they only affect the user's own text;
 * - a zero-width space goes into every run of 100 non-space characters: a word that cannot
 *   wrap overflows onto one line, and the PDF writer (krilla) aborts the whole process on a
 *   glyph run over 64 KiB. Invisible in print, and it lets the line wrap.
 */
// eslint-disable-next-line no-control-regex
const unsafeControls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2066-\u2069]/g;

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function sanitizeDocumentText(s: string): string {
  return s
    .replace(loneSurrogate, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .replace(unsafeControls, '')
    .replace(/[^\s\u200B]{100}(?=[^\s\u200B])/gu, '$&\u200B');
}

/** Applies sanitizeDocumentText to every string in a JSON-like value. */
export function sanitizeDocumentData<T>(value: T): T {
  if (typeof value === 'string') return sanitizeDocumentText(value) as T;
  if (Array.isArray(value)) return value.map((v) => sanitizeDocumentData(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[sanitizeDocumentText(k)] = sanitizeDocumentData(v);
    return out as T;
  }
  return value;
}
