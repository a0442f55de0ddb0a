/** Court filings and performance as the committee's staff read them (court-routes.ts, performance-routes.ts). */

export interface CourtFiling {
  id: string;
  kind: 'confirmation' | 'litigation';
  status: string;
  courtId: string;
  reason: string | null;
  package: { deadline?: string; applicationDate?: string } | null;
  filedAt: string;
  acceptedAt: string | null;
  acceptedLate: boolean | null;
  courtCaseNumber: string | null;
  result: string | null;
  resultAt: string | null;
  resultNotes: string | null;
}

/** A court the case may go to, and why (seat_court, referring_court, maritime, other). */
export interface CourtChoice {
  id: string;
  name: string;
  nameEn: string;
  kind: string;
  reason: string;
}

export interface ConfirmationSuggestion {
  agreementId: string;
  effectiveAt: string;
  window: { deadline: string; daysLeft: number; open: boolean; warning: boolean };
  courts: CourtChoice[];
}

export interface Instalment {
  id: string;
  agreementId: string;
  seq: number;
  dueOn: string;
  amount: string;
  paid: string;
  currency: string;
  status: string;
}

export interface CasePerformance {
  status: string;
  caseVersion: number;
  agreementId: string | null;
  currency: string | null;
  outstanding: string | null;
  recoveredCny: string;
  instalments: Instalment[];
  payments: {
    id: string;
    instalmentId: string | null;
    amount: string;
    currency: string;
    amountCny: string;
    fxRate: string;
    paidOn: string;
    recordedAt: string;
  }[];
  followUps: {
    id: string;
    dueOn: string;
    doneAt: string | null;
    method: string | null;
    notes: string | null;
    satisfaction: number | null;
  }[];
  policeReferrals: { id: string; reason: string; referredAt: string }[];
  paymentReports: PaymentReport[];
}

/** A payment a party reported with its bank slip, awaiting or bearing the committee's answer. */
export interface PaymentReport {
  id: string;
  partyId: string;
  amount: string;
  currency: string;
  paidOn: string;
  instalmentId: string | null;
  note: string | null;
  document: { id: string; filename: string; mediaType: string };
  status: 'reported' | 'verified' | 'disputed';
  reportedAt: string;
  decidedAt: string | null;
  disputeReason: string | null;
  paymentId: string | null;
}

/** The court's name in Chinese for a Chinese reader, else its English name. */
export function courtName(c: { name: string; nameEn: string }, locale: string): string {
  return locale.startsWith('zh') ? c.name : c.nameEn || c.name;
}
