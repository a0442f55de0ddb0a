import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { newId } from '../../src/domain/new-id.js';
import type { StaffRole, MediatorKind, Proficiency } from '../../src/domain/roles.js';
import { familyOf } from '../../src/domain/language-families.js';
import { insertMembership, insertUser } from '../../src/db/repositories/user-repository.js';
import { hashPassword } from '../../src/use-cases/auth/hash-password.js';
import type { CaseStatus } from '../../src/domain/case-status.js';
import { nationalCategoryOf, type CaseCategory } from '../../src/domain/dispute-categories.js';

/** Factories build fixtures straight into the database; tests say only what matters to them. */
export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

let counter = 0;
const seq = () => ++counter;
const AT = '2026-01-01T00:00:00.000Z';

export async function createOrg(
  db: Kysely<Database>,
  o: { name?: string; prefix?: string; requireStaffTotp?: boolean } = {},
) {
  const id = newId();
  const n = seq();
  await db
    .insertInto('organizations')
    .values({
      id,
      slug: `org-${n}-${id.slice(0, 8)}`,
      name: o.name ?? `测试调解委员会 ${n}`,
      name_en: `Test committee ${n}`,
      reference_prefix: o.prefix ?? '测调',
      // Off unless a test is about it: most tests sign staff in with the password alone, as the
      // demo committee does (the column's default, for real committees, is on).
      require_staff_totp: o.requireStaffTotp ? 1 : 0,
      created_at: AT,
    })
    .execute();
  return { id };
}

export async function createCourt(
  db: Kysely<Database>,
  orgId: string,
  o: { kind?: string; seat?: boolean } = {},
) {
  const id = newId();
  await db
    .insertInto('courts')
    .values({
      id,
      org_id: orgId,
      name: `测试法院 ${seq()}`,
      name_en: 'Test court',
      kind: o.kind ?? 'basic',
      is_docking_centre: 1,
      is_seat_court: o.seat === false ? 0 : 1,
      created_at: AT,
    })
    .execute();
  return { id };
}

export async function createUser(
  db: Kysely<Database>,
  o: {
    orgId?: string;
    role?: StaffRole;
    courtId?: string;
    email?: string;
    locale?: string;
    name?: string;
  } = {},
) {
  const id = newId();
  const email = o.email ?? `user${seq()}-${id.slice(0, 6)}@test.example`;
  await insertUser(db, {
    id,
    email,
    passwordHash: await testPasswordHash(),
    displayName: o.name ?? 'Test User',
    locale: o.locale,
    at: AT,
  });
  if (o.orgId && o.role) {
    await insertMembership(db, {
      id: newId(),
      orgId: o.orgId,
      userId: id,
      role: o.role,
      courtId: o.courtId ?? null,
      at: AT,
    });
  }
  return { id, email, password: TEST_PASSWORD };
}

export async function createMediator(
  db: Kysely<Database>,
  o: {
    orgId: string;
    userId?: string;
    kind?: MediatorKind;
    nationality?: string;
    languages?: { code: string; proficiency: Proficiency }[];
    expertise?: string[];
    caseLimit?: number;
    timeZone?: string;
    name?: string;
  },
) {
  const id = newId();
  const languages = o.languages ?? [{ code: 'zh', proficiency: 'native' as const }];
  await db
    .insertInto('mediator_profiles')
    .values({
      id,
      org_id: o.orgId,
      user_id: o.userId ?? null,
      display_name: o.name ?? `Mediator ${seq()}`,
      kind: o.kind ?? 'foreign',
      nationality: o.nationality ?? 'EG',
      languages_json: JSON.stringify(languages),
      expertise_json: JSON.stringify(o.expertise ?? []),
      case_limit: o.caseLimit ?? 5,
      time_zone: o.timeZone ?? 'Asia/Shanghai',
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  await db
    .insertInto('mediator_languages')
    .values(
      languages.map((l) => ({
        org_id: o.orgId,
        mediator_id: id,
        language: l.code,
        family: familyOf(l.code) ?? null,
        proficiency: l.proficiency,
      })),
    )
    .execute();
  return { id };
}

export interface PartyInput {
  role?: 'applicant' | 'respondent';
  kind?: 'person' | 'organization';
  name?: string;
  country?: string;
  languages?: string[];
  preferredLanguage?: string;
  email?: string | null;
  userId?: string | null;
}

/**
 * Inserts a case row with parties directly, bypassing the intake rules, for tests of
 * other layers. Lifecycle tests should go through the real use cases instead.
 */
export async function createCase(
  db: Kysely<Database>,
  o: {
    orgId: string;
    status?: CaseStatus;
    category?: CaseCategory;
    parties?: PartyInput[];
    teamMediatorIds?: string[];
    acceptedAt?: string | null;
    submittedAt?: string;
  },
) {
  const id = newId();
  const at = o.submittedAt ?? AT;
  const category = o.category ?? 'goods_quality';
  const parties: PartyInput[] = o.parties ?? [
    {
      role: 'applicant',
      kind: 'person',
      name: 'Ahmed Test',
      country: 'EG',
      languages: ['ar'],
      preferredLanguage: 'ar',
    },
    {
      role: 'respondent',
      kind: 'organization',
      name: '义乌测试商行',
      country: 'CN',
      languages: ['zh'],
      preferredLanguage: 'zh',
    },
  ];
  const n = seq();
  await db
    .insertInto('cases')
    .values({
      id,
      org_id: o.orgId,
      reference: `(2026) 测调 No. ${String(n).padStart(4, '0')}-${id.slice(0, 4)}`,
      status: o.status ?? 'submitted',
      source: 'application',
      category,
      national_category: nationalCategoryOf(category),
      summary: 'Test dispute',
      description: 'A test dispute about goods.',
      claimed_amount_minor: 1_200_000,
      claimed_currency: 'USD',
      has_foreign_party: parties.some((p) => (p.country ?? 'CN') !== 'CN') ? 1 : 0,
      submitted_at: at,
      accepted_at:
        o.acceptedAt === undefined
          ? o.status && o.status !== 'submitted'
            ? at
            : null
          : o.acceptedAt,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const partyIds: string[] = [];
  for (const p of parties) {
    const pid = newId();
    partyIds.push(pid);
    const languages = p.languages ?? ['zh'];
    await db
      .insertInto('case_parties')
      .values({
        id: pid,
        org_id: o.orgId,
        case_id: id,
        role: p.role ?? 'applicant',
        kind: p.kind ?? 'person',
        name: p.name ?? `Party ${seq()}`,
        country: p.country ?? 'CN',
        languages_json: JSON.stringify(languages),
        preferred_language: p.preferredLanguage ?? languages[0]!,
        email: p.email === undefined ? `party${seq()}@test.example` : p.email,
        user_id: p.userId ?? null,
        is_foreign: (p.country ?? 'CN') !== 'CN' ? 1 : 0,
        created_at: at,
      })
      .execute();
    for (const language of languages) {
      await db
        .insertInto('case_languages')
        .values({ org_id: o.orgId, case_id: id, language })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  for (const [i, mediatorId] of (o.teamMediatorIds ?? []).entries()) {
    await db
      .insertInto('case_team_members')
      .values({
        id: newId(),
        org_id: o.orgId,
        case_id: id,
        mediator_id: mediatorId,
        role: i === 0 ? 'lead' : 'lawyer',
        assigned_at: at,
      })
      .execute();
  }
  return { id, partyIds };
}

export async function createCourtFiling(
  db: Kysely<Database>,
  o: { orgId: string; caseId: string; courtId: string; kind?: 'confirmation' | 'litigation' },
) {
  const id = newId();
  await db
    .insertInto('court_filings')
    .values({
      id,
      org_id: o.orgId,
      case_id: o.caseId,
      court_id: o.courtId,
      kind: o.kind ?? 'confirmation',
      status: 'filed',
      filed_at: AT,
    })
    .execute();
  return { id };
}
