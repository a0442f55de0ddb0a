import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  findAdmissionEvidenceDocuments,
  listAdmissionChecks,
} from '../../db/repositories/mediator-admission-repository.js';
import type { MediatorProfileRow } from '../../db/repositories/mediator-profile-repository.js';

/**
 * The admission rules for foreign mediators (DESIGN §1). The language rule is checked from the
 * profile itself; the others are decided by an officer on the evidence documents attached.
 */
export const admissionItems = [
  'languages',
  'china_company',
  'tax_records',
  'clean_record',
] as const;
export type AdmissionItem = (typeof admissionItems)[number];
export const recordedAdmissionItems = ['china_company', 'tax_records', 'clean_record'] as const;
export const MIN_ADMISSION_LANGUAGES = 3;

export async function buildAdmissionChecklist(db: Kysely<Database>, m: MediatorProfileRow) {
  const recorded = await listAdmissionChecks(db, m.id);
  const docs = await findAdmissionEvidenceDocuments(db, {
    orgId: m.orgId,
    ids: [...new Set(recorded.flatMap((r) => r.documentIds))],
  });
  const items = admissionItems.map((item) => {
    if (item === 'languages') {
      return {
        item,
        status: m.languages.length >= MIN_ADMISSION_LANGUAGES ? 'passed' : 'failed',
        automatic: true,
        note: null,
        evidence: [],
        checkedAt: null,
        checkedBy: null,
        languageCount: m.languages.length,
      };
    }
    const r = recorded.find((x) => x.item === item);
    return {
      item,
      status: r?.status ?? 'pending',
      automatic: false,
      note: r?.note ?? null,
      evidence: docs.filter((d) => r?.documentIds.includes(d.id)),
      checkedAt: r?.checkedAt ?? null,
      checkedBy: r?.checkedBy ?? null,
      languageCount: null,
    };
  });
  return {
    mediatorId: m.id,
    required: m.kind === 'foreign',
    admitted: items.every((i) => i.status === 'passed'),
    items,
  };
}
