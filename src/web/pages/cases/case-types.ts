/** The case as GET /api/v1/cases lists it (DESIGN §6) and GET /api/v1/cases/:id details it. */
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
  acceptedAt: string | null;
  mediationDueAt: string | null;
  overdue: boolean;
  claimedAmount: Money | null;
  parties: { role: string; name: string; country: string }[];
  version: number;
  /** Messages by others the caller has not read, in the channels the caller may read (lists only). */
  unreadMessages?: number;
}

export interface CasePage {
  items: CaseListItem[];
  nextCursor: string | null;
}

export interface CaseParty {
  id: string;
  role: string;
  kind: string;
  name: string;
  country: string;
  languages: string[];
  preferredLanguage: string;
  email: string | null;
}

export interface TeamMember {
  mediatorId: string;
  /** The member's user account, where the API names it (to assign work to them). */
  userId?: string | null;
  role: string;
  displayName: string;
  kind: string;
  nationality: string;
  assignedAt: string;
}

export interface CaseDetail extends Omit<CaseListItem, 'parties'> {
  description: string;
  parties: CaseParty[];
  team: TeamMember[];
  timeline: { seq: number; action: string; actor: string; at: string }[];
  allowedActions: string[];
}

export interface Candidate {
  mediatorId: string;
  displayName: string;
  kind: string;
  nationality: string;
  score: number;
  atLimit: boolean;
  reasons: { code: string; text: string; points: number }[];
}

export interface TeamProposal {
  lead: Candidate | null;
  lawyer: Candidate | null;
  alternatives: { leads: Candidate[]; lawyers: Candidate[] };
}

export interface CaseSession {
  id: string;
  status: string;
  startsAt: string;
  timeZone: string;
  durationMinutes: number;
  mode: string;
  room: string | null;
  interpreterPresent: boolean | null;
  participants: { kind: string; id: string; name: string; role: string }[];
  record: SessionRecordView | null;
}

/** A held session's record as GET …/sessions gives it (session-routes.ts). */
export interface SessionRecordView {
  version: number;
  language: string;
  text: string;
  translations: { language: string; text: string }[];
  attendees: { kind: string; id: string; name: string; role: string }[];
  recordedAt: string;
  recordedByName: string | null;
  interpreterAbsence: { reason: string; recordedByName: string } | null;
  revisions: { version: number; reason: string | null; at: string; byName: string | null }[];
  confirmedBy: { kind: string; id: string; at: string }[];
  fullyConfirmed: boolean;
  /** For a party: whether confirming will be accepted (readable or sight-translated). */
  readableByMe: boolean | null;
  myLanguages: string[] | null;
  sightTranslatedForMe: boolean | null;
}
