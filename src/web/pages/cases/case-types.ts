/** The case as GET /api/v1/cases lists it (DESIGN §6); optional fields are shown when the API sends them. */
export const caseStatuses = [
  'submitted',
  'accepted',
  'rejected',
  'in_mediation',
  'agreed',
  'performing',
  'fulfilled',
  'breached',
  'failed',
  'withdrawn',
  'referred',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export interface Money {
  amount: string;
  currency: string;
}

export interface CaseListItem {
  id: string;
  reference: string;
  status: CaseStatus;
  category: string;
  summary: string;
  submittedAt: string;
  acceptedAt?: string | null;
  mediationDueAt?: string | null;
  claimedAmount?: Money | null;
  version?: number;
}

export interface CasePage {
  items: CaseListItem[];
  nextCursor: string | null;
}
