import { z } from 'zod';
import { normalizeNumberInput } from '../../domain/normalize-number-input.js';

/**
 * A six-digit authenticator code as people type it: Persian (۱۲۳۴۵۶), Arabic-Indic or full-width
 * digits and stray spaces or direction marks are made plain ASCII before the six-digit check, so
 * that a code typed on a Persian or Arabic keyboard is not refused as malformed.
 */
export const totpCodeSchema = z
  .string()
  .max(64)
  .transform((code) => normalizeNumberInput(code))
  .pipe(z.string().regex(/^\d{6}$/))
  .describe('Six digits; Persian, Arabic-Indic and full-width digits are accepted');
