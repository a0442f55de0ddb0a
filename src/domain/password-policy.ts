import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The password rule for every password Accord sets (docs/decisions/0010-password-policy.md),
 * after NIST SP 800-63B: long enough, and not one that attackers try first. No composition
 * rules (they make passwords worse, not better). The breached list is the ~49,000 most common
 * passwords from public breach corpora, shipped as data by @zxcvbn-ts/language-common.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

export type PasswordProblem = 'too_short' | 'too_long' | 'breached' | 'too_simple';

let breached: Set<string> | undefined;
const breachedPasswords = () =>
  (breached ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

/** Trailing digits and symbols: "password2024!" is "password" to an attacker's rule list. */
const decoration = /[\d\s!-/:-@[-`{-~]+$/;

export function checkPassword(password: string, context: string[] = []): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  const list = breachedPasswords();
  const base = lower.replace(decoration, '');
  if (list.has(lower) || (base.length >= 4 && list.has(base))) return 'breached';
  // One short pattern repeated ("aaaaaaaaaaaa", "abcabcabcabc") or the account's own name.
  if (new Set(lower).size < 5) return 'too_simple';
  for (const c of context) {
    const word = c.toLowerCase().split('@')[0] ?? '';
    if (word.length >= 4 && lower.replace(decoration, '') === word) return 'too_simple';
  }
  return null;
}
