import { FormattedNumber } from 'react-intl';

/**
 * An amount with its currency, isolated from the text around it: inside a right-to-left
 * sentence "US$26,303.01" would otherwise be reordered by the bidi algorithm into "$US…" or
 * split around its digits.
 */
export function Money({ amount, currency }: { amount: string | number; currency: string }) {
  return (
    <bdi className="money">
      <FormattedNumber value={Number(amount)} style="currency" currency={currency} />
    </bdi>
  );
}
