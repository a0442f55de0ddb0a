import currencyCodes from 'currency-codes';
import { AppError } from './app-error.js';
import { normalizeNumberInput } from './normalize-number-input.js';

/** Money is an integer of minor units plus an ISO 4217 code; never a float. */
export interface Money {
  amountMinor: number;
  currency: string;
}

// Metals, bond units, SDRs and test codes are in ISO 4217 but are not money a party can claim.
const nonMoneyCodes = new Set([
  'XXX',
  'XTS',
  'XAU',
  'XAG',
  'XPD',
  'XPT',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XDR',
  'XSU',
  'XUA',
]);

// Indexed once: currency-codes looks a code up by scanning its whole list, and every amount a
// case page shows asks for its currency's digits.
const digitsByCode = new Map(
  currencyCodes.data
    .filter((c) => typeof c.digits === 'number' && !nonMoneyCodes.has(c.code))
    .map((c) => [c.code, c.digits]),
);

/** Minor-unit digits of an active ISO 4217 currency (USD 2, JPY 0, KWD 3), or undefined. */
export function currencyDigits(code: string): number | undefined {
  return digitsByCode.get(code);
}

export function isKnownCurrency(code: string): boolean {
  return currencyDigits(code) !== undefined;
}

/**
 * Parses a decimal string ("12000.00", "12000", "0.5") into minor units of `currency`.
 * Rejects more decimals than the currency has, negatives, exponents and anything past 2^53.
 */
export function parseMoney(amount: string, currency: string, field = 'amount'): Money {
  const digits = currencyDigits(currency);
  if (digits === undefined)
    throw new AppError('VALIDATION_FAILED', { field: field.replace(/amount$/, 'currency') });
  // "۴۵۰۰۰" or "٤٥٬٠٠٠٫٥٠" typed on a phone is the same amount as "45000" (the contract's
  // decimal strings use "." as the decimal separator, so a Latin comma only groups thousands).
  const m = /^(\d{1,15})(?:\.(\d+))?$/.exec(normalizeNumberInput(amount));
  if (!m || (m[2] && m[2].length > digits)) throw new AppError('VALIDATION_FAILED', { field });
  const minor = Number(m[1]) * 10 ** digits + Number((m[2] ?? '').padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) throw new AppError('VALIDATION_FAILED', { field });
  return { amountMinor: minor, currency };
}

/** Minor units back to a decimal string with the currency's digits: 1200000 USD → "12000.00". */
export function formatMinor(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency) ?? 2;
  const negative = amountMinor < 0;
  const s = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const whole = digits ? s.slice(0, -digits) : s;
  const frac = digits ? '.' + s.slice(-digits) : '';
  return (negative ? '-' : '') + whole + frac;
}

/**
 * Converts to CNY fen at a stored rate (CNY per one unit, a decimal string), rounding half up.
 * Done once, when the amount is agreed or paid; the result is stored and never recomputed.
 */
export function convertToCnyMinor(m: Money, cnyPerUnit: string): number {
  if (m.currency === 'CNY') return m.amountMinor;
  const digits = currencyDigits(m.currency) ?? 2;
  const [whole = '0', frac = ''] = cnyPerUnit.split('.');
  // rate as an integer scaled by 10^8, to keep the arithmetic exact in BigInt.
  const rateScaled = BigInt(whole) * 10n ** 8n + BigInt((frac + '00000000').slice(0, 8));
  const numerator = BigInt(m.amountMinor) * rateScaled * 100n; // → fen
  const denominator = 10n ** 8n * 10n ** BigInt(digits);
  return Number((numerator * 2n + denominator) / (2n * denominator));
}
