import { toCardinal as arCardinal } from 'n2words/ar-SA';
import { toCardinal as enCardinal } from 'n2words/en-GB';
import { toCardinal as esCardinal } from 'n2words/es-ES';
import { toCardinal as faCardinal } from 'n2words/fa-IR';
import { toCardinal as frCardinal } from 'n2words/fr-FR';
import { toCardinal as ruCardinal } from 'n2words/ru-RU';
import { toCardinal as trCardinal } from 'n2words/tr-TR';

/**
 * Amounts for documents: figures in one format per language (CLDR, through Intl.NumberFormat
 * with the currency) and in words. Chinese gets the uppercase form (大写金额) that Chinese
 * contracts and courts expect, written here because no maintained library gives the 元/角/分
 * contract form; every other language is spelled out by n2words (ADR 0022). A language n2words
 * does not cover gets the figures only: a wrong amount in words is a legal defect.
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

export function currencyNameIn(lang: string, currency: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'currency' }).of(currency) ?? currency;
  } catch {
    return currency;
  }
}

/**
 * Figures in the reader's locale (CLDR digits, separators and the currency's place), with the
 * ISO code rather than a symbol so that "$" is never ambiguous. Every document amount goes
 * through here.
 */
export function formatAmountFigures(
  amountMinor: bigint,
  currency: string,
  digits: number,
  lang: string,
): string {
  const scale = 10n ** BigInt(digits);
  const sign = amountMinor < 0n ? '-' : '';
  const abs = amountMinor < 0n ? -amountMinor : amountMinor;
  const decimal = `${sign}${abs / scale}${digits ? '.' + (abs % scale).toString().padStart(digits, '0') : ''}`;
  // A decimal string keeps every digit exact (Intl.NumberFormat v3 formats strings losslessly).
  const nf = new Intl.NumberFormat(lang, {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return nf.format(decimal as unknown as number);
}

/** A decimal string as stored in agreement content ("6000.00") in minor units, or null. */
export function decimalToMinor(decimal: string, digits: number): bigint | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!m) return null;
  const frac = (m[3] ?? '').padEnd(digits, '0');
  if (frac.length > digits) return null;
  const v = BigInt(m[2]! + frac);
  return m[1] ? -v : v;
}

const cardinals: Record<string, (n: bigint) => string> = {
  en: enCardinal,
  ar: arCardinal,
  fa: faCardinal,
  ru: ruCardinal,
  es: esCardinal,
  fr: frCardinal,
  tr: trCardinal,
};

/**
 * Outputs n2words 4.0.0 is known to get wrong, so that they are never printed: Arabic gives
 * "تسعمائة وألف ألف" ("nine hundred and thousand thousand") for 901 000 and 101 000.
 */
const knownDefects: Record<string, RegExp> = { ar: /ألف ألف/ };

/** The whole number in words in `lang`, or null where no maintained spell-out exists. */
export function cardinalWords(value: bigint, lang: string): string | null {
  const spell = cardinals[lang];
  if (!spell || value < 0n) return null;
  const words = spell(value);
  return knownDefects[lang]?.test(words) ? null : words;
}

/**
 * The amount in words in `lang`: 大写 for Chinese, otherwise "<currency name> <whole in words>"
 * with the fraction as figures over the scale (the cheque convention: "… and 50/100"), or null
 * when the language has no spell-out (the figures then stand alone).
 */
export function spellAmount(
  amountMinor: bigint,
  currency: string,
  digits: number,
  lang: string,
): string | null {
  if (amountMinor < 0n) return null;
  if (lang === 'zh') return zhUppercaseAmount(amountMinor, currency, digits);
  const scale = 10n ** BigInt(digits);
  const whole = cardinalWords(amountMinor / scale, lang);
  if (whole === null) return null;
  const frac = amountMinor % scale;
  const fraction = frac ? ` + ${frac.toString().padStart(digits, '0')}/${scale}` : '';
  return `${currencyNameIn(lang, currency)}: ${whole}${fraction}`;
}
