import { z } from 'zod';

/**
 * The content of a mediation agreement (People's Mediation Law Art. 29), as stored in
 * agreements.content_json and rendered by src/documents. Text fields carry the original
 * language plus translations keyed by language code.
 */
export const localizedText = z.object({
  /** ISO 639 code of the original text. */
  lang: z.string().min(2).max(3),
  text: z.string().max(100_000),
  /** Translations by language code, e.g. { zh: '…', ar: '…' }. */
  translations: z.record(z.string().min(2).max(3), z.string().max(100_000)).default({}),
});
export type LocalizedText = z.infer<typeof localizedText>;

export const consensusPoint = z.object({
  no: z.number().int().min(1),
  text: localizedText,
});

export const instalmentPlan = z.object({
  seq: z.number().int().min(1),
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Decimal string in the agreement currency. */
  amount: z.string(),
});

export const agreementContent = z.object({
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
