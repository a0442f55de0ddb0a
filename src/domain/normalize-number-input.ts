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
  const decimal = opts.decimalSeparator ?? '.';
  let out = '';
  for (const ch of text.trim()) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x0660 && code <= 0x0669) out += String(code - 0x0660);
    else if (code >= 0x06f0 && code <= 0x06f9) out += String(code - 0x06f0);
    else if (code >= 0xff10 && code <= 0xff19) out += String(code - 0xff10);
    else if (ch === '\u066b')
      out += '.'; // ARABIC DECIMAL SEPARATOR ٫
    else if (ch === '\u066c' || ch === '\u060c')
      out += ','; // ٬ and ، group thousands
    else if (ch === '.' || ch === '\uff0e') out += decimal === '.' ? '.' : ',';
    else if (ch === ',' || ch === '\uff0c') out += decimal === ',' ? '.' : ',';
    else if (ch === '\u2212' || ch === '\uff0d')
      out += '-'; // minus signs
    else if (/[\s\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/u.test(ch)) continue;
    else out += ch;
  }
  // From here "," is a thousands separator and "." the decimal one.
  const m = /^(-?)(\d{1,3}(?:,\d{3})+)(\.\d*)?$/.exec(out);
  return m ? m[1]! + m[2]!.replaceAll(',', '') + (m[3] ?? '') : out;
}
