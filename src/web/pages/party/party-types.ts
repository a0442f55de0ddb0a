// Unit tests compile this pure module under the server tsconfig too, hence the .js import suffix.
import type { CaseDetail, Money, SessionRecordView } from '../cases/case-types.js';

export type { SessionRecordView } from '../cases/case-types.js';

/** What GET /api/v1/cases/:id adds for a party's page (src/use-cases/cases/get-case.ts). */
export interface PartyCaseDetail extends CaseDetail {
  relations: string[];
  parties: (CaseDetail['parties'][number] & { isYou: boolean })[];
  concludedAt: string | null;
  deadlines: { mediationDueAt: string | null };
  agreement: { id: string; status: string; effectiveAt: string | null } | null;
  courtFilings: { id: string; kind: string; status: string }[];
  instalments: { id: string; seq: number; dueOn: string; amount: Money | null; status: string }[];
}

export interface LocalizedText {
  lang: string;
  text: string;
  translations: Record<string, string>;
}

/** GET /api/v1/cases/:caseId/agreements (agreement-routes.ts). */
export interface Agreement {
  id: string;
  version: number;
  status: string;
  oral: boolean;
  content: {
    facts: LocalizedText;
    disputedMatters: LocalizedText;
    responsibilities: LocalizedText;
    points: { no: number; text: LocalizedText }[];
    amount: string | null;
    currency: string | null;
    performanceMethod: LocalizedText;
    instalments: { seq: number; dueOn: string; amount: string }[];
    prevailingLanguage: string;
  };
  textHash: string | null;
  effectiveAt: string | null;
  parties: { id: string; role: string; name: string; pointsConfirmed: number[] }[];
  signatures: {
    signerKind: string;
    partyId: string | null;
    mediatorId?: string | null;
    signerName: string;
    method: string;
    signedAt: string;
  }[];
  /** Who translated each section into each language (section keys: `facts`, `points.2`…). */
  translations?: TranslationRecord[];
  sightTranslations?: SightTranslation[];
  /** Per party: the languages they read and the sections they cannot read yet. */
  readability?: { partyId: string; languages: string[]; missingSections: string[] }[];
  /** Per language any party reads: what is missing and who is to translate it. */
  translationStatus?: {
    language: string;
    missingSections: string[];
    assignee: { userId: string; name: string } | null;
  }[];
}

export interface TranslationRecord {
  section: string;
  language: string;
  method: 'human' | 'machine';
  translatorName: string;
  translatorUserId: string | null;
  createdAt: string;
  approved: boolean;
  approvedName: string | null;
}

export interface SightTranslation {
  id: string;
  partyId: string;
  language: string;
  interpreterKind: string;
  interpreterName: string;
  interpretedAt: string;
  confirmed: boolean;
}

/** The Art. 29 sections in reading order, as the API keys them (points come after responsibilities). */
export const agreementSectionKeys = [
  'facts',
  'disputedMatters',
  'responsibilities',
  'performanceMethod',
] as const;
export type AgreementSectionKey = (typeof agreementSectionKeys)[number];

/** The text of a section key (`facts`, `points.3`) in an agreement's content. */
export function textOfSection(content: Agreement['content'], key: string): LocalizedText | null {
  if (key.startsWith('points.')) {
    const no = Number(key.slice('points.'.length));
    return content.points.find((p) => p.no === no)?.text ?? null;
  }
  return (agreementSectionKeys as readonly string[]).includes(key)
    ? content[key as AgreementSectionKey]
    : null;
}

/** GET /api/v1/cases/:id/sessions (session-routes.ts). */
export interface PartySession {
  id: string;
  status: string;
  startsAt: string;
  timeZone: string;
  durationMinutes: number;
  mode: string;
  room: string | null;
  meetingUrl: string | null;
  participants: { kind: string; id: string; name: string; role: string }[];
  record: SessionRecordView | null;
}

export interface EvidenceDocument {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  visibility: string;
  messageId: string | null;
  /** The private caucus the file was shared in, or null (conversation-types.ts). */
  channel: string | null;
  createdAt: string;
}

/** GET /api/v1/cases/:id/messages (message-routes.ts). */
export interface CaseMessage {
  id: string;
  author: string;
  authorUserId: string | null;
  language: string;
  body: string;
  translations: {
    language: string;
    text: string;
    method: 'human' | 'machine';
    translatedBy: { userId: string; name: string };
    provider: string | null;
    at: string;
  }[];
  attachments: EvidenceDocument[];
  createdAt: string;
}

/** GET /api/v1/cases/:caseId/performance (performance-routes.ts). */
export interface Performance {
  status: string;
  currency: string | null;
  outstanding: string | null;
  instalments: {
    id: string;
    seq: number;
    dueOn: string;
    amount: string;
    paid: string;
    currency: string;
    status: string;
  }[];
  payments: {
    id: string;
    instalmentId: string | null;
    amount: string;
    currency: string;
    paidOn: string;
  }[];
  followUps: { id: string; dueOn: string; doneAt: string | null }[];
  paymentReports: PaymentReport[];
}

/** A payment a party reported with its bank slip, and the committee's answer. */
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

/** Interface locale → the language code the API uses for texts (zh-CN → zh). */
export const languageOf = (locale: string): string => locale.split('-')[0]!;
