import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../src/domain/money.js';
import { normalizeNumberInput } from '../../src/domain/normalize-number-input.js';

describe('normalizeNumberInput', () => {
  it.each([
    ['45000', '45000'],
    ['۴۵۰۰۰', '45000'], // Persian digits
    ['٤٥٠٠٠', '45000'], // Eastern Arabic digits
    ['٤٥٬٠٠٠٫٥٠', '45000.50'], // Arabic thousands and decimal separators
    ['۴۵،۰۰۰٫۷۵', '45000.75'], // Persian writers group with the Arabic comma
    ['۱۲٫۵', '12.5'],
    ['45,000.50', '45000.50'],
    ['1,234,567', '1234567'],
    [' 45 000 ', '45000'], // spaces of a phone keyboard or a copied figure
    ['45\u00a0000', '45000'],
    ['\u200f۴۵۰۰۰\u200e', '45000'], // direction marks left by an RTL keyboard
    ['１２３４５', '12345'], // full-width digits from a Chinese input method
    ['\u221212', '-12'],
    ['1,5', '1,5'], // not whole thousands: left for the validation to refuse, not read as 15
    ['12.5.3', '12.5.3'],
    ['abc', 'abc'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeNumberInput(input)).toBe(expected);
  });

  it.each([
    ['1.234,56', '1234.56'], // a writer whose decimal separator is the comma
    ['1 234,56', '1234.56'],
    ['12,5', '12.5'],
    ['۱۲٫۵', '12.5'],
  ])('with a decimal comma: %j → %j', (input, expected) => {
    expect(normalizeNumberInput(input, { decimalSeparator: ',' })).toBe(expected);
  });
});

describe('parseMoney takes the digits people type', () => {
  it('reads Persian and Arabic amounts as their value', () => {
    expect(parseMoney('۴۵۰۰۰', 'USD').amountMinor).toBe(4_500_000);
    expect(parseMoney('٤٥٬٠٠٠٫٥٠', 'USD').amountMinor).toBe(4_500_050);
  });
  it('refuses what is not an amount with the field named', () => {
    expect(() => parseMoney('1,5', 'USD', 'claimedAmount.amount')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'claimedAmount.amount' }),
    );
  });
});
