import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import Input, { type InputProps } from 'antd/es/input';
import { normalizeNumberInput } from '../../domain/normalize-number-input';

/**
 * A code (an authenticator's six digits) as typed, in plain ASCII: the same normalisation as
 * amounts. A function of this module, not a re-export, on purpose: had the login pages imported
 * src/domain/normalize-number-input.ts themselves, the bundler would give that module a chunk of
 * its own, and the extra file pushes the public page past its 250 KB budget.
 */
export function normalizeCodeInput(text: string): string {
  return normalizeNumberInput(text);
}

/** The decimal separator of a locale as Intl writes it ("." or ","; Arabic's ٫ maps to "."). */
export function decimalSeparatorOf(locale: string): '.' | ',' {
  const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value === ',' ? ',' : '.';
}

/**
 * The one field for amounts and other numbers. People type with the digits of their keyboard:
 * Persian ۴۵۰۰۰, Arabic ٤٥٬٠٠٠٫٥٠, "45 000,50" in French. The field keeps what was typed on
 * screen and hands the form the plain decimal string ("45000.50") that the API takes, through
 * the same normalisation the server applies (src/domain/normalize-number-input.ts).
 */
export function AmountInput({
  value,
  onChange,
  ...rest
}: Omit<InputProps, 'value' | 'onChange'> & { value: string; onChange(value: string): void }) {
  const intl = useIntl();
  const decimalSeparator = decimalSeparatorOf(intl.locale);
  const [text, setText] = useState(value);
  // A value set from outside (a reset, a draft restored) replaces what was typed.
  useEffect(() => {
    setText((t) => (normalizeNumberInput(t, { decimalSeparator }) === value ? t : value));
  }, [value, decimalSeparator]);
  return (
    <Input
      inputMode="decimal"
      // Digits read left to right in every script, also inside a right-to-left form.
      dir="ltr"
      autoComplete="off"
      {...rest}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(normalizeNumberInput(e.target.value, { decimalSeparator }));
      }}
    />
  );
}
