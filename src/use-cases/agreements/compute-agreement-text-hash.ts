import type { Kysely } from 'kysely';
import { agreementContent } from '../../domain/agreement-content.js';
import { hashAgreementText, type AgreementText } from '../../domain/agreement-text-hash.js';
import type { Database } from '../../db/schema.js';
import {
  listCasePartiesForAgreement,
  type AgreementRow,
} from '../../db/repositories/agreement-repository.js';

/**
 * The text an agreement row stands for, with the parties' details as they are now in
 * case_parties (Art. 29: the agreement states each party's details), and its hash. Finalising
 * stores the hash; signing and sealing recompute it, so that a change to a party's details
 * after finalising cannot slip under signatures given to the earlier text.
 */
export async function computeAgreementText(
  db: Kysely<Database>,
  a: AgreementRow,
  caseReference: string,
): Promise<{ text: AgreementText; hash: string }> {
  const parties = await listCasePartiesForAgreement(db, a.case_id);
  const text: AgreementText = {
    caseReference,
    agreementVersion: a.version,
    oral: a.oral === 1,
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role,
      kind: p.kind,
      name: p.name,
      country: p.country,
      address: p.address,
      agentName: p.agentName,
      idDocumentType: p.idDocumentType,
      idDocumentMasked: p.idDocumentMasked,
    })),
    content: agreementContent.parse(JSON.parse(a.content_json)),
  };
  return { text, hash: hashAgreementText(text) };
}
