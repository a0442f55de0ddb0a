import { createHash } from 'node:crypto';
import { canonicalJson } from './hash-audit-event.js';
import type { AgreementContent } from './agreement-content.js';

/** A party as it appears in the signed text (Art. 29 "basic details"); taken from case_parties. */
export interface AgreementPartyDetails {
  id: string;
  role: string;
  kind: string;
  name: string;
  country: string;
  address: string | null;
  agentName: string | null;
  /** Only the masked form ever enters the text: the number itself stays encrypted. */
  idDocumentType: string | null;
  idDocumentMasked: string | null;
}

export interface AgreementText {
  caseReference: string;
  agreementVersion: number;
  oral: boolean;
  parties: AgreementPartyDetails[];
  content: AgreementContent;
}

/**
 * The exact text that is signed, as canonical JSON: sorted keys, and parties in a fixed order
 * (applicants first, then by id), so that the same agreement always serialises identically on
 * either engine and whatever order the rows come back in.
 */
export function serializeAgreementText(t: AgreementText): string {
  const roleRank = (r: string) => (r === 'applicant' ? 0 : 1);
  const parties = [...t.parties].sort(
    (a, b) => roleRank(a.role) - roleRank(b.role) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return canonicalJson({
    format: 'accord-agreement-text/1',
    caseReference: t.caseReference,
    agreementVersion: t.agreementVersion,
    oral: t.oral,
    parties,
    content: t.content,
  });
}

/** SHA-256 (hex) of the canonical text: what every signature row records. */
export function hashAgreementText(t: AgreementText): string {
  return createHash('sha256').update(serializeAgreementText(t), 'utf8').digest('hex');
}
