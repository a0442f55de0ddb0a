import { z } from 'zod';

/**
 * The content of a mediation agreement (People's Mediation Law Art. 29), as stored in
 * agreements.content_json and rendered by src/documents. Text fields carry the original
 * language plus translations keyed by language code. Every object is strict: an unknown key is
 * answered with 400 naming it, because a misspelt field silently dropped would be missing from
 * the text the parties sign.
 */
export const localizedText = z.strictObject({
  /** ISO 639 code of the original text. */
  lang: z.string().min(2).max(3),
  text: z.string().max(100_000),
  /** Translations by language code, e.g. { zh: '…', ar: '…' }. */
  translations: z.record(z.string().min(2).max(3), z.string().max(100_000)).default({}),
});
export type LocalizedText = z.infer<typeof localizedText>;

export const consensusPoint = z.strictObject({
  no: z.number().int().min(1),
  text: localizedText,
});

export const instalmentPlan = z.strictObject({
  seq: z.number().int().min(1),
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Decimal string in the agreement currency. */
  amount: z.string(),
});

export const agreementContent = z.strictObject({
  /** Main facts of the dispute. */
  facts: localizedText,
  /** Matters in dispute and each party's responsibility. */
  disputedMatters: localizedText,
  responsibilities: localizedText,
  /** The agreed terms, each a numbered consensus point confirmed by every party. */
  points: z.array(consensusPoint).min(1).max(100),
  /** Total amount to be paid under the agreement (decimal string) and its currency. */
  amount: z.string().nullable(),
  currency: z.string().length(3).nullable(),
  /** How and by when performance is due. */
  performanceMethod: localizedText,
  instalments: z.array(instalmentPlan).max(120).default([]),
  /** Language whose version prevails in case of divergence; Chinese unless agreed otherwise. */
  prevailingLanguage: z.string().min(2).max(3).default('zh'),
});
export type AgreementContent = z.infer<typeof agreementContent>;
