import { z } from 'zod';

/**
 * THE weights of team matching, in one place. A candidate's score is the sum of the factors
 * below, each a number in [0, 1] multiplied by its weight (so the maximum is the sum of the
 * weights that apply). An organisation may override any of them in
 * organizations.settings_json.matchingWeights (PUT /api/v1/orgs/{orgId}/matching-weights).
 *
 * - languageExact: per language the case needs (the foreign parties' languages, or every
 *   party's when none is foreign), the candidate speaks it; scaled by proficiency
 *   (native 1, fluent 0.85, working 0.6) and averaged over the needed languages.
 * - languageFamily: the candidate speaks another language of the same ISO 639-5 family
 *   (ru for uk, ur for hi); same proficiency scaling. Counts only where there is no exact match.
 * - nationality: the candidate is a national of a foreign party's country.
 * - region: otherwise, the candidate's country is in the same UN M49 sub-region.
 * - expertise: the case's category is in the candidate's expertise (half if only the
 *   national category it hangs under is).
 * - availability: share of the next 7 days on which the candidate is on call or on site.
 * - workload: 1 − open cases / case limit. Candidates at their limit are ranked after all others.
 * - pastOutcomes: share of the candidate's concluded cases in this category that ended agreed,
 *   smoothed ((agreed + 1) / (concluded + 2)) so that one case does not swing it.
 */
export const defaultMatchingWeights = {
  languageExact: 40,
  languageFamily: 15,
  nationality: 10,
  region: 5,
  expertise: 15,
  availability: 10,
  workload: 10,
  pastOutcomes: 10,
} as const;

export type MatchingWeights = { -readonly [K in keyof typeof defaultMatchingWeights]: number };

export const matchingWeightsSchema = z.strictObject({
  languageExact: z.number().min(0).max(100).optional(),
  languageFamily: z.number().min(0).max(100).optional(),
  nationality: z.number().min(0).max(100).optional(),
  region: z.number().min(0).max(100).optional(),
  expertise: z.number().min(0).max(100).optional(),
  availability: z.number().min(0).max(100).optional(),
  workload: z.number().min(0).max(100).optional(),
  pastOutcomes: z.number().min(0).max(100).optional(),
});

/** The defaults with an organisation's overrides applied; unknown or bad values are ignored. */
export function resolveMatchingWeights(overrides: unknown): MatchingWeights {
  const parsed = matchingWeightsSchema.safeParse(overrides ?? {});
  return { ...defaultMatchingWeights, ...(parsed.success ? parsed.data : {}) };
}

export const proficiencyFactor: Record<string, number> = {
  native: 1,
  fluent: 0.85,
  working: 0.6,
};
