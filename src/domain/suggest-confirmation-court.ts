/**
 * Where the parties may apply for judicial confirmation (People's Mediation Law Art. 33 and
 * 法释〔2011〕5号): the basic court where the committee sits, the court that referred the case,
 * or the maritime court for maritime and shipping matters.
 */
export interface CourtFacts {
  id: string;
  kind: string; // basic | intermediate | maritime
  isSeatCourt: boolean;
}

export interface CaseCourtFacts {
  referringCourtId: string | null;
  isMaritime: boolean;
}

export type ConfirmationCourtReason = 'maritime' | 'referring_court' | 'seat_court';

export interface EligibleCourt {
  courtId: string;
  reason: ConfirmationCourtReason;
}

/** Every court the case may be filed with, the suggested one first. */
export function eligibleConfirmationCourts(
  c: CaseCourtFacts,
  courts: CourtFacts[],
): EligibleCourt[] {
  const out: EligibleCourt[] = [];
  const add = (courtId: string, reason: ConfirmationCourtReason) => {
    if (!out.some((e) => e.courtId === courtId)) out.push({ courtId, reason });
  };
  // A maritime matter belongs before the maritime court, whoever referred it.
  if (c.isMaritime) {
    for (const court of courts.filter((x) => x.kind === 'maritime')) add(court.id, 'maritime');
  }
  if (c.referringCourtId && courts.some((x) => x.id === c.referringCourtId)) {
    add(c.referringCourtId, 'referring_court');
  }
  for (const court of courts.filter((x) => x.isSeatCourt)) add(court.id, 'seat_court');
  return out;
}

/** Parties must apply within this many days of the agreement taking effect. */
export const CONFIRMATION_WINDOW_DAYS = 30;
/** From this many days left, the case shows a warning that the window is closing. */
export const CONFIRMATION_WARNING_DAYS = 7;
/** The court decides whether to accept within this many days of filing. */
export const COURT_ACCEPTANCE_DAYS = 3;

const DAY_MS = 86_400_000;

export interface ConfirmationWindow {
  deadline: string;
  /** Whole days left, rounded up; 0 or less once the deadline has passed. */
  daysLeft: number;
  open: boolean;
  warning: boolean;
}

/** The 30-day window counted from the instant the agreement took effect. */
export function confirmationWindow(effectiveAt: string, now: Date): ConfirmationWindow {
  const deadlineMs = new Date(effectiveAt).getTime() + CONFIRMATION_WINDOW_DAYS * DAY_MS;
  const leftMs = deadlineMs - now.getTime();
  const daysLeft = Math.ceil(leftMs / DAY_MS);
  const open = leftMs >= 0;
  return {
    deadline: new Date(deadlineMs).toISOString(),
    daysLeft: Math.max(daysLeft, 0),
    open,
    warning: open && daysLeft <= CONFIRMATION_WARNING_DAYS,
  };
}

/** The court's acceptance came later than the 3-day rule: recorded, and flagged. */
export function isAcceptanceLate(filedAt: string, acceptedAt: string): boolean {
  return (
    new Date(acceptedAt).getTime() - new Date(filedAt).getTime() > COURT_ACCEPTANCE_DAYS * DAY_MS
  );
}
