import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { TestApp } from './build-test-app.js';
import { createUser } from './factories.js';

/** A valid public application (DESIGN §6), an Egyptian buyer against a Yiwu trading company. */
export function intakePayload(overrides: Record<string, unknown> = {}) {
  return {
    category: 'goods_quality',
    summary: 'Defective phone cases 手机壳质量问题',
    description: '买家收到的手机壳有裂纹。The buyer received cracked phone cases.',
    claimedAmount: { amount: '12000.00', currency: 'USD' },
    source: 'application',
    parties: [
      {
        role: 'applicant',
        kind: 'person',
        name: 'Ahmed Hassan',
        country: 'EG',
        languages: ['ar', 'en'],
        preferredLanguage: 'ar',
        email: 'ahmed@buyer.example',
        phone: '+20 10 1234 5678',
        idDocument: { type: 'passport', number: 'A12345678' },
      },
      {
        role: 'respondent',
        kind: 'organization',
        name: '义乌市佳美贸易有限公司',
        country: 'CN',
        languages: ['zh'],
        preferredLanguage: 'zh',
        email: 'sales@jiamei.example',
      },
    ],
    consents: ['processing', 'cross_border'],
    ...overrides,
  };
}

export async function bearerFor(t: TestApp, user: { email: string; password: string }) {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: user.email, password: user.password },
  });
  if (r.statusCode !== 200) throw new Error(`login failed: ${r.statusCode} ${r.body}`);
  return { authorization: `Bearer ${r.json().token as string}` };
}

/** Files an application through the public endpoint and returns the 201 body. */
export async function submitThroughApi(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; reference: string; version: number }> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    payload: intakePayload(overrides),
  });
  if (r.statusCode !== 201) throw new Error(`intake failed: ${r.statusCode} ${r.body}`);
  return r.json();
}

/** Gives a party of a case an account (as redeeming its invitation would) and signs it in. */
export async function signInAsParty(
  t: TestApp,
  caseId: string,
  role: 'applicant' | 'respondent' = 'applicant',
) {
  const db: Kysely<Database> = t.database.db;
  const party = await db
    .selectFrom('case_parties')
    .select(['id', 'user_id'])
    .where('case_id', '=', caseId)
    .where('role', '=', role)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const user = await createUser(db);
  await db
    .updateTable('case_parties')
    .set({ user_id: user.id })
    .where('id', '=', party.id)
    .execute();
  return { partyId: party.id, userId: user.id, headers: await bearerFor(t, user) };
}

export async function caseVersion(t: TestApp, caseId: string): Promise<number> {
  const r = await t.database.db
    .selectFrom('cases')
    .select('version')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  return r.version;
}

export async function orgSlugOf(t: TestApp, orgId: string): Promise<string> {
  const r = await t.database.db
    .selectFrom('organizations')
    .select('slug')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return r.slug;
}
