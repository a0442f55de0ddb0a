import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { newId } from '../../domain/new-id.js';

export interface AdmissionCheckRow {
  item: string;
  status: string;
  note: string | null;
  documentIds: string[];
  checkedBy: string | null;
  checkedAt: string;
}

export async function listAdmissionChecks(
  db: Kysely<Database>,
  mediatorId: string,
): Promise<AdmissionCheckRow[]> {
  const rows = await db
    .selectFrom('mediator_admission_checks')
    .selectAll()
    .where('mediator_id', '=', mediatorId)
    .execute();
  return rows.map((r) => ({
    item: r.item,
    status: r.status,
    note: r.note,
    documentIds: JSON.parse(r.document_ids_json) as string[],
    checkedBy: r.checked_by,
    checkedAt: r.checked_at,
  }));
}

export async function upsertAdmissionCheck(
  trx: Kysely<Database>,
  o: {
    orgId: string;
    mediatorId: string;
    item: string;
    status: string;
    note: string | null;
    documentIds: string[];
    checkedBy: string;
    at: string;
  },
): Promise<void> {
  const values = {
    status: o.status,
    note: o.note,
    document_ids_json: JSON.stringify(o.documentIds),
    checked_by: o.checkedBy,
    checked_at: o.at,
  };
  await trx
    .insertInto('mediator_admission_checks')
    .values({ id: newId(), org_id: o.orgId, mediator_id: o.mediatorId, item: o.item, ...values })
    .onConflict((oc) => oc.columns(['mediator_id', 'item']).doUpdateSet(values))
    .execute();
}

/** The admission-evidence documents of the org among `ids`, with the fields a checklist shows. */
export async function findAdmissionEvidenceDocuments(
  db: Kysely<Database>,
  o: { orgId: string; ids: string[] },
): Promise<{ id: string; filename: string; mediaType: string; sha256: string }[]> {
  if (o.ids.length === 0) return [];
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'filename', 'media_type', 'sha256'])
    .where('org_id', '=', o.orgId)
    .where('kind', '=', 'admission_evidence')
    .where('id', 'in', o.ids)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    filename: r.filename,
    mediaType: r.media_type,
    sha256: r.sha256,
  }));
}
