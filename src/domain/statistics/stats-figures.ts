/**
 * The figures of DESIGN §4, one source of truth for the API, the official report, the public
 * page and the consistency check. Raw counts come from the database (roll-ups or a raw
 * recomputation); everything derived from them is computed here and nowhere else.
 *
 * - accepted: cases whose acceptance date falls in the period.
 * - concluded: cases that ended in the period as agreed or failed (not withdrawn, not rejected).
 * - succeeded: concluded as agreed.          - success rate = succeeded / concluded.
 * - amount agreed: agreement amounts (CNY converted once, on the agreement day) of cases
 *   agreed in the period.                     - amount recovered: payments paid in the period.
 */
export interface RawFigures {
  accepted: number;
  concluded: number;
  succeeded: number;
  agreedCnyMinor: number;
  recoveredCnyMinor: number;
  /** Days from acceptance to conclusion → number of cases concluded in the period. */
  durations: Map<number, number>;
}

export interface StatsFigures {
  casesAccepted: number;
  casesConcluded: number;
  casesSucceeded: number;
  /** 0..1; null when nothing was concluded (a rate of nothing is not zero). */
  successRate: number | null;
  amountAgreedCny: number;
  amountRecoveredCny: number;
  medianDaysToConclusion: number | null;
}

export const emptyRawFigures = (): RawFigures => ({
  accepted: 0,
  concluded: 0,
  succeeded: 0,
  agreedCnyMinor: 0,
  recoveredCnyMinor: 0,
  durations: new Map(),
});

export function addRawFigures(into: RawFigures, add: Partial<RawFigures>): RawFigures {
  into.accepted += add.accepted ?? 0;
  into.concluded += add.concluded ?? 0;
  into.succeeded += add.succeeded ?? 0;
  into.agreedCnyMinor += add.agreedCnyMinor ?? 0;
  into.recoveredCnyMinor += add.recoveredCnyMinor ?? 0;
  for (const [days, n] of add.durations ?? []) {
    into.durations.set(days, (into.durations.get(days) ?? 0) + n);
  }
  return into;
}

/** The median of a histogram {value → count}; the mean of the two middle values when even. */
export function medianOfHistogram(h: Map<number, number>): number | null {
  const entries = [...h.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const [v, n] of entries) {
      seen += n;
      if (rank < seen) return v;
    }
    return entries[entries.length - 1]![0];
  };
  return total % 2 === 1
    ? valueAt((total - 1) / 2)
    : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}

/** Fen to yuan as a number (the contract's unit); exact to the fen for any realistic total. */
export const fenToYuan = (fen: number): number => Math.round(fen) / 100;

export function deriveFigures(r: RawFigures): StatsFigures {
  return {
    casesAccepted: r.accepted,
    casesConcluded: r.concluded,
    casesSucceeded: r.succeeded,
    successRate: r.concluded === 0 ? null : r.succeeded / r.concluded,
    amountAgreedCny: fenToYuan(r.agreedCnyMinor),
    amountRecoveredCny: fenToYuan(r.recoveredCnyMinor),
    medianDaysToConclusion: medianOfHistogram(r.durations),
  };
}
