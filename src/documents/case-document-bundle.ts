import type { AgreementContent } from '../domain/agreement-content.js';

/** Everything the document templates may print about one case, loaded by one repository call. */
export interface CaseDocumentBundle {
  org: { id: string; name: string; nameEn: string };
  case: {
    id: string;
    reference: string;
    status: string;
    source: string;
    category: string;
    nationalCategory: string;
    summary: string;
    description: string;
    submittedAt: string;
    acceptedAt: string | null;
    claimedAmountMinor: number | null;
    claimedCurrency: string | null;
    outcomeReason: string | null;
  };
  parties: DocumentParty[];
  team: { mediatorId: string; name: string; kind: string; role: string }[];
  agreement: DocumentAgreement | undefined;
  sessions: DocumentSession[];
  filings: DocumentFiling[];
  /** Uploaded files (evidence, identity proof, power of attorney …) in upload order. */
  files: DocumentFile[];
  followUps: {
    dueOn: string;
    doneAt: string | null;
    method: string | null;
    notes: string | null;
  }[];
  payments: { paidOn: string; amountMinor: number; currency: string }[];
}

export interface DocumentParty {
  id: string;
  role: string;
  kind: string;
  name: string;
  country: string;
  preferredLanguage: string;
  address: string | null;
  idDocumentType: string | null;
  idDocumentMasked: string | null;
  /** Encrypted; decrypted only for court filings, which must carry a service phone. */
  phoneEnc: string | null;
  phoneMasked: string | null;
  email: string | null;
  agentName: string | null;
}

export interface DocumentAgreement {
  id: string;
  version: number;
  status: string;
  oral: boolean;
  content: AgreementContent;
  textHash: string | null;
  amountMinor: number | null;
  currency: string | null;
  prevailingLanguage: string;
  sealedAt: string | null;
  effectiveAt: string | null;
  createdAt: string;
  /** Each party's confirmation of each consensus point (the "三必" rule: one by one). */
  confirmations: { partyId: string; pointNo: number; confirmedAt: string }[];
  signatures: {
    signerKind: string;
    partyId: string | null;
    mediatorId: string | null;
    signerName: string;
    method: string;
    signedAt: string;
  }[];
}

export interface DocumentSession {
  id: string;
  startsAt: string;
  timeZone: string;
  durationMinutes: number;
  mode: string;
  room: string | null;
  status: string;
  /** role: applicant | respondent for parties; lead | lawyer | third | interpreter for the team. */
  participants: { kind: 'party' | 'mediator'; name: string; role: string }[];
  record: {
    lang: string;
    text: string;
    translations: Record<string, string>;
    /** "三必": why no interpreter was present for a party who needed one (as recorded). */
    interpreterAbsence: { reason: string; recordedByName: string } | null;
    /** Set on a corrected record (version 2 and later). */
    correctionReason: string | null;
  } | null;
  interpreterPresent: boolean | null;
  heldAt: string | null;
}

export interface DocumentFiling {
  id: string;
  kind: string;
  status: string;
  court: { name: string; nameEn: string; kind: string };
  reason: string | null;
  filedAt: string;
  courtCaseNumber: string | null;
}

export interface DocumentFile {
  id: string;
  kind: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  /** The private caucus the file was shared in (caucus_applicant | caucus_respondent), or null. */
  channel: string | null;
  immutable: boolean;
  createdAt: string;
}
