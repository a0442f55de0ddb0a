import { familyOf } from '../language-families.js';
import { proficiencyFactor, type MatchingWeights } from './matching-weights.js';
import { regionOfCountry } from './region-of-country.js';

/** What a case asks of its team. */
export interface CaseNeeds {
  category: string;
  nationalCategory: string;
  /** The languages the team must cover: the foreign parties' languages (all parties' if none is foreign). */
  languages: string[];
  /** The foreign parties' countries (ISO 3166 alpha-2). */
  countries: string[];
}

/** What the repositories load about one candidate. */
export interface CandidateFacts {
  id: string;
  displayName: string;
  kind: string;
  nationality: string;
  languages: { code: string; proficiency: string }[];
  expertise: string[];
  caseLimit: number;
  openCases: number;
  lastAssignedAt: string | null;
  /** Days of the next 7 on which the candidate is on call or on site. */
  availableDays: number;
  /** The candidate's concluded cases in the case's category, and how many ended agreed. */
  pastConcluded: number;
  pastAgreed: number;
}

export type ReasonCode =
  | 'speaks'
  | 'speaksFamily'
  | 'noLanguage'
  | 'sameNationality'
  | 'sameRegion'
  | 'expertise'
  | 'expertiseNational'
  | 'availability'
  | 'workload'
  | 'atLimit'
  | 'pastOutcomes';

export interface Reason {
  code: ReasonCode;
  params: Record<string, string | number>;
  /** The points this reason contributed to the score. */
  points: number;
}

export interface ScoredCandidate {
  id: string;
  score: number;
  atLimit: boolean;
  lastAssignedAt: string | null;
  reasons: Reason[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Scores one candidate against a case's needs; pure, so the ranking can be tested exactly. */
export function scoreCandidate(
  c: CandidateFacts,
  needs: CaseNeeds,
  w: MatchingWeights,
): ScoredCandidate {
  const reasons: Reason[] = [];

  // Language: the best match for each needed language, averaged over the needed languages.
  const needed = [...new Set(needs.languages)];
  for (const lang of needed) {
    const exact = c.languages.find((l) => l.code === lang);
    if (exact) {
      const points =
        (w.languageExact * (proficiencyFactor[exact.proficiency] ?? 0)) / needed.length;
      reasons.push({
        code: 'speaks',
        params: { language: lang, proficiency: exact.proficiency },
        points,
      });
      continue;
    }
    const family = familyOf(lang);
    const kin = family
      ? c.languages
          .filter((l) => familyOf(l.code) === family)
          .sort(
            (a, b) =>
              (proficiencyFactor[b.proficiency] ?? 0) - (proficiencyFactor[a.proficiency] ?? 0),
          )[0]
      : undefined;
    if (kin && family) {
      const points = (w.languageFamily * (proficiencyFactor[kin.proficiency] ?? 0)) / needed.length;
      reasons.push({
        code: 'speaksFamily',
        params: { language: kin.code, proficiency: kin.proficiency, needed: lang, family },
        points,
      });
    } else {
      reasons.push({ code: 'noLanguage', params: { needed: lang }, points: 0 });
    }
  }

  if (needs.countries.includes(c.nationality)) {
    reasons.push({
      code: 'sameNationality',
      params: { country: c.nationality },
      points: w.nationality,
    });
  } else {
    const region = regionOfCountry(c.nationality);
    if (region && needs.countries.some((country) => regionOfCountry(country) === region)) {
      reasons.push({ code: 'sameRegion', params: { region }, points: w.region });
    }
  }

  if (c.expertise.includes(needs.category)) {
    reasons.push({ code: 'expertise', params: { category: needs.category }, points: w.expertise });
  } else if (c.expertise.includes(needs.nationalCategory)) {
    reasons.push({
      code: 'expertiseNational',
      params: { category: needs.nationalCategory },
      points: w.expertise / 2,
    });
  }

  const days = Math.max(0, Math.min(7, c.availableDays));
  reasons.push({ code: 'availability', params: { days }, points: (w.availability * days) / 7 });

  const atLimit = c.openCases >= c.caseLimit;
  const free = c.caseLimit > 0 ? Math.max(0, 1 - c.openCases / c.caseLimit) : 0;
  reasons.push({
    code: atLimit ? 'atLimit' : 'workload',
    params: { open: c.openCases, limit: c.caseLimit },
    points: w.workload * free,
  });

  if (c.pastConcluded > 0) {
    const rate = (c.pastAgreed + 1) / (c.pastConcluded + 2);
    reasons.push({
      code: 'pastOutcomes',
      params: { agreed: c.pastAgreed, concluded: c.pastConcluded, category: needs.category },
      points: w.pastOutcomes * rate,
    });
  }

  const score = round1(reasons.reduce((s, r) => s + r.points, 0));
  return {
    id: c.id,
    score,
    atLimit,
    lastAssignedAt: c.lastAssignedAt,
    reasons: reasons.map((r) => ({ ...r, points: round1(r.points) })),
  };
}

/**
 * Best first. Candidates at their case limit come after all others; equal scores go to the
 * one least recently assigned (never assigned first), then by id so the order is stable.
 */
export function rankCandidates<T extends ScoredCandidate>(list: T[]): T[] {
  return [...list].sort(
    (a, b) =>
      Number(a.atLimit) - Number(b.atLimit) ||
      b.score - a.score ||
      (a.lastAssignedAt ?? '').localeCompare(b.lastAssignedAt ?? '') ||
      a.id.localeCompare(b.id),
  );
}
