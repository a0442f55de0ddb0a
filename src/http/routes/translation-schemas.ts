import { z } from 'zod';

/** Shapes shared by the agreement and session-record routes that deal with translation. */

export const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}$/)
  .describe('ISO 639 language code');

/** An interpreter of the team attests a sight translation for one party. */
export const sightTranslationBody = z.strictObject({
  partyId: z.uuid(),
  language: languageCode,
  interpretedAt: z.iso.datetime().optional(),
});

export const sightTranslationResponse = z.object({
  id: z.string(),
  interpreterName: z.string(),
  interpreterKind: z.string(),
  confirmed: z.boolean(),
});

/** A party asks for a text in one of their languages (their preferred one by default). */
export const translationRequestBody = z.strictObject({ language: languageCode.optional() });

export const translationRequestResponse = z.object({
  requested: z.literal(true),
  language: z.string(),
});
