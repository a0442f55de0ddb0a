/**
 * Amounts in words for the agreement: the Chinese uppercase form (大写金额) that Chinese
 * contracts and courts expect, and English words. Intl has no spell-out, and a wrong amount in
 * words is a legal defect, so other languages show the localized figures plus these two forms
 * rather than a half-right translation.
 */
const zhDigits = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const zhSmallUnits = ['', '拾', '佰', '仟'];
const zhGroupUnits = ['', '万', '亿', '万亿'];

/** One group of up to four digits (1..9999) in uppercase Chinese, zeros collapsed. */
function zhGroup(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += zhDigits[d]! + zhSmallUnits[pos]!;
  }
  return out;
}

/** A non-negative integer below 10^16 in uppercase Chinese: 100010000 → 壹亿零壹万. */
export function zhUppercaseInteger(value: bigint): string {
  if (value < 0n || value >= 10n ** 16n) throw new RangeError('amount out of range');
  if (value === 0n) return '零';
  const groups: number[] = [];
  for (let v = value; v > 0n; v /= 10000n) groups.push(Number(v % 10000n));
  let out = '';
  let zeroGap = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) {
      if (out) zeroGap = true;
      continue;
    }
    // A zero is read wherever a gap of zero digits precedes this group's first figure.
    if (out && (zeroGap || g < 1000)) out += '零';
    zeroGap = false;
    out += zhGroup(g) + zhGroupUnits[i]!;
  }
  return out;
}

/**
 * The 大写 form of an amount in minor units, prefixed with the currency's Chinese name (Intl):
 * 1200050 USD cents → 美元壹万贰仟元伍角; 整 closes an amount without a fraction; fractional
 * units are 角/分 (and 厘 for three-digit currencies).
 */
export function zhUppercaseAmount(amountMinor: bigint, currency: string, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const whole = amountMinor / scale;
  const frac = amountMinor % scale;
  const prefix = currency === 'CNY' ? '人民币' : currencyNameIn('zh', currency);
  if (frac === 0n) return prefix + zhUppercaseInteger(whole) + '元整';
  let out = prefix + (whole > 0n ? zhUppercaseInteger(whole) + '元' : '');
  const fracDigits = frac.toString().padStart(digits, '0').split('').map(Number);
  const fracUnits = ['角', '分', '厘'];
  let pendingZero = whole > 0n && fracDigits[0] === 0;
  fracDigits.forEach((d, i) => {
    if (d === 0) return;
    if (pendingZero) out += '零';
    pendingZero = false;
    out += zhDigits[d]! + (fracUnits[i] ?? '');
  });
  return out;
}

const enOnes = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const enTens = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];
const enScales = ['', 'thousand', 'million', 'billion', 'trillion', 'quadrillion'];

function enBelowThousand(n: number): string {
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h) parts.push(enOnes[h]! + ' hundred');
  if (r) {
    const t =
      r < 20 ? enOnes[r]! : enTens[Math.floor(r / 10)]! + (r % 10 ? '-' + enOnes[r % 10]! : '');
    parts.push(h ? 'and ' + t : t);
  }
  return parts.join(' ');
}

/** A non-negative integer below 10^18 in British English words: 12050 → twelve thousand and fifty. */
export function enWordsInteger(value: bigint): string {
  if (value < 0n || value >= 10n ** 18n) throw new RangeError('amount out of range');
  if (value === 0n) return 'zero';
  const groups: number[] = [];
  for (let v = value; v > 0n; v /= 1000n) groups.push(Number(v % 1000n));
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (!g) continue;
    // "one thousand and five": the lowest group joins with "and" when it is below one hundred.
    const words = enBelowThousand(g);
    parts.push(
      i === 0 && g < 100 && parts.length
        ? 'and ' + words
        : words + (enScales[i] ? ' ' + enScales[i] : ''),
    );
  }
  return parts.join(' ');
}

/** "US Dollar twelve thousand and 50/100 only" — the cheque convention for the fraction. */
export function enWordsAmount(amountMinor: bigint, currency: string, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const whole = amountMinor / scale;
  const frac = amountMinor % scale;
  const fraction = frac ? ` and ${frac.toString().padStart(digits, '0')}/${scale}` : '';
  return `${currencyNameIn('en', currency)} ${enWordsInteger(whole)}${fraction} only`;
}

export function currencyNameIn(lang: string, currency: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'currency' }).of(currency) ?? currency;
  } catch {
    return currency;
  }
}

/** Figures in the reader's locale, with the ISO code so that "$" is never ambiguous. */
export function formatAmountFigures(
  amountMinor: bigint,
  currency: string,
  digits: number,
  lang: string,
): string {
  const scale = 10n ** BigInt(digits);
  const decimal = `${amountMinor / scale}${digits ? '.' + (amountMinor % scale).toString().padStart(digits, '0') : ''}`;
  // A decimal string keeps every digit exact (Intl.NumberFormat v3 formats strings losslessly).
  const nf = new Intl.NumberFormat(lang, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${currency} ${nf.format(decimal as unknown as number)}`;
}
