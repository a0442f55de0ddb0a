import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/app-error.js';
import { currencyDigits, formatMinor, parseMoney } from '../../src/domain/money.js';

describe('money', () => {
  it('knows the minor-unit digits of real currencies and nothing else', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('CNY')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
    for (const notMoney of ['XAU', 'XDR', 'XXX', 'usd', 'ZZZ', 'US', '', 'USDX'])
      expect(currencyDigits(notMoney)).toBeUndefined();
  });

  it('parses decimals into minor units and formats them back', () => {
    expect(parseMoney('12000.5', 'USD')).toEqual({ amountMinor: 1_200_050, currency: 'USD' });
    expect(parseMoney('300', 'JPY')).toEqual({ amountMinor: 300, currency: 'JPY' });
    expect(formatMinor(1_200_050, 'USD')).toBe('12000.50');
    expect(formatMinor(1_234, 'KWD')).toBe('1.234');
    expect(formatMinor(-5, 'USD')).toBe('-0.05');
  });

  it('refuses more decimals than the currency has, and unknown currencies, naming the field', () => {
    expect(() => parseMoney('1.5', 'JPY')).toThrow(AppError);
    expect(() => parseMoney('1.00', 'XAU', 'claimedAmount.amount')).toThrow(
      expect.objectContaining({ field: 'claimedAmount.currency' }),
    );
  });
});
