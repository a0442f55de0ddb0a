import { PUBLIC_MIN_GROUP } from './stats-dimensions.js';
import type { StatsFigures } from './stats-figures.js';

export type PublicFigures = { [K in keyof StatsFigures]: StatsFigures[K] | null } & {
  suppressed: boolean;
};

/**
 * Figures fit for anonymous readers: a count under PUBLIC_MIN_GROUP is withheld, and so is
 * every figure computed from fewer concluded cases (rate, amounts, median), because a
 * small group can point at one identifiable dispute.
 */
export function suppressSmallGroups(f: StatsFigures): PublicFigures {
  const count = (n: number) => (n >= PUBLIC_MIN_GROUP ? n : null);
  const enough = f.casesConcluded >= PUBLIC_MIN_GROUP;
  const out: PublicFigures = {
    casesAccepted: count(f.casesAccepted),
    casesConcluded: count(f.casesConcluded),
    casesSucceeded: enough ? count(f.casesSucceeded) : null,
    successRate: enough ? f.successRate : null,
    amountAgreedCny: enough ? f.amountAgreedCny : null,
    amountRecoveredCny: enough ? f.amountRecoveredCny : null,
    medianDaysToConclusion: enough ? f.medianDaysToConclusion : null,
    suppressed: false,
  };
  out.suppressed = Object.entries(out).some(([k, v]) => k !== 'suppressed' && v === null);
  return out;
}
