import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { newId } from '../../src/domain/new-id.js';
import type { TestApp } from './build-test-app.js';

/** Signs a factory user in and returns the Authorization header for inject(). */
export async function bearerFor(
  t: TestApp,
  u: { email: string; password: string },
): Promise<Record<string, string>> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: u.email, password: u.password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${res.json().token}` };
}

/** A stored document row of kind admission_evidence (the bytes are not needed by the checklist). */
export async function createAdmissionEvidence(
  db: Kysely<Database>,
  o: { orgId: string; filename?: string },
) {
  const id = newId();
  await db
    .insertInto('documents')
    .values({
      id,
      org_id: o.orgId,
      case_id: null,
      kind: 'admission_evidence',
      filename: o.filename ?? 'business-licence.pdf',
      media_type: 'application/pdf',
      size_bytes: 1234,
      sha256: 'a'.repeat(64),
      storage_key: `test/${id}`,
      visibility: 'committee',
      created_at: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  return { id };
}

export async function setLastAssignedAt(db: Kysely<Database>, mediatorId: string, at: string) {
  await db
    .updateTable('mediator_profiles')
    .set({ last_assigned_at: at })
    .where('id', '=', mediatorId)
    .execute();
}

export async function createObjection(
  db: Kysely<Database>,
  o: { orgId: string; caseId: string; partyId: string; mediatorId: string },
) {
  await db
    .insertInto('team_objections')
    .values({
      id: newId(),
      org_id: o.orgId,
      case_id: o.caseId,
      party_id: o.partyId,
      mediator_id: o.mediatorId,
      reason: 'We met before in business.',
      created_at: '2026-01-02T00:00:00.000Z',
    })
    .execute();
}
