/**
 * Numbers as people type them, made plain ASCII before validation: Eastern Arabic digits
 * (٠١٢٣٤٥٦٧٨٩), Persian ones (۰۱۲۳۴۵۶۷۸۹) and full-width ones (０-９, from a Chinese input
 * method), with their separators: the Arabic thousands separator ٬ and decimal separator ٫,
 * the Arabic comma ، that Persian writers group thousands with, and Latin , and . (which of
 * the two is the decimal separator depends on the writer's locale; the API's decimal strings
 * use "."). Spaces of any width and invisible direction marks, which RTL keyboards and
 * copy-paste leave behind, are dropped.
 *
 * Thousands separators are dropped only where they group whole thousands ("45,000", "۴۵٬۰۰۰"):
 * "1,5" is left as it is, for the caller's rule to refuse, rather than read as 15. Nothing
 * else is validated either: "12.5.3" stays "12.5.3".
 */
export function normalizeNumberInput(
  text: string,
  opts: { decimalSeparator?: '.' | ',' } = {},
): string {
  const [dot, comma] = opts.decimalSeparator === ',' ? [',', '.'] : ['.', ','];
  const out = text
    // Spaces of any width, zero-width and direction marks.
    .replace(/[\s\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/gu, '')
    // ٠-٩, ۰-۹ and ０-９ all end in the digit's value (U+0660, U+06F0, U+FF10 are multiples of 16).
    .replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) & 15))
    .replace(/[\u2212\uff0d]/g, '-')
    .replace(/[.,\uff0e\uff0c\u066b\u066c\u060c]/g, (c) =>
      // ٫ is always the decimal separator; ٬ and ، always group thousands.
      c === '\u066b'
        ? '.'
        : c === '\u066c' || c === '\u060c'
          ? ','
          : /[.\uff0e]/.test(c)
            ? dot
            : comma,
    );
  // Now "," groups thousands and "." separates decimals; what is not that shape stays as it is.
  const m = /^(-?)(\d{1,3}(?:,\d{3})+)(\.\d*)?$/.exec(out);
  return m ? m[1]! + m[2]!.replaceAll(',', '') + (m[3] ?? '') : out;
}
