import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { appendAuditEvent } from '../db/repositories/audit-repository.js';
import { insertMembership, insertUser } from '../db/repositories/user-repository.js';
import { familyOf } from '../domain/language-families.js';
import type { StaffRole } from '../domain/roles.js';
import { hashPassword } from '../use-cases/auth/hash-password.js';
import { demoForeignMediators, demoPartTimeMediators, type DemoMediator } from './demo-roster.js';

export const DEMO_ORG_SLUG = 'yiwu-demo';
export const DEMO_PASSWORD = 'accord-demo';
/** The instant the demo committee is recorded as created; fixed so that seeding is deterministic. */
const SEED_AT = '2013-01-01T00:00:00.000Z';

/** Deterministic UUID-shaped ids, so two seeded databases have the same keys. */
export function demoId(key: string): string {
  const h = createHash('sha256')
    .update('accord-demo:' + key)
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const demoIds = {
  org: demoId('org'),
  yiwuCourt: demoId('court:yiwu'),
  ningboMaritimeCourt: demoId('court:ningbo-maritime'),
  mediatorProfile: (key: string) => demoId('mediator:' + key),
  user: (email: string) => demoId('user:' + email),
};

export const demoAccounts: {
  email: string;
  name: string;
  role: StaffRole | 'party';
  locale: string;
  mediatorKey?: string;
  courtId?: string;
}[] = [
  { email: 'director@demo.example', name: '周正明', role: 'director', locale: 'zh-CN' },
  { email: 'officer@demo.example', name: '陈晓雯', role: 'officer', locale: 'zh-CN' },
  {
    email: 'mediator@demo.example',
    name: 'Karim Haddad',
    role: 'mediator',
    locale: 'ar',
    mediatorKey: 'f01',
  },
  {
    email: 'lawyer@demo.example',
    name: '王建国',
    role: 'mediator',
    locale: 'zh-CN',
    mediatorKey: 'lawyer-01',
  },
  {
    email: 'court@demo.example',
    name: '刘书记员',
    role: 'court_liaison',
    locale: 'zh-CN',
    courtId: demoIds.yiwuCourt,
  },
  { email: 'party@demo.example', name: 'Ahmed Mansour', role: 'party', locale: 'ar' },
];

export interface SeedResult {
  created: boolean;
  orgId: string;
}

/**
 * Creates the demo committee, its courts, its roster of 71 mediators and the demo accounts.
 * Idempotent: a database that already has the demo committee is left as it is.
 * The case history is added by the statistics seeding (see seed-demo-history when present).
 */
export async function seedDemoCommittee(db: Kysely<Database>): Promise<SeedResult> {
  const existing = await db
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', DEMO_ORG_SLUG)
    .executeTakeFirst();
  if (existing) return { created: false, orgId: existing.id };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const at = SEED_AT;
  const orgId = demoIds.org;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organizations')
      .values({
        id: orgId,
        slug: DEMO_ORG_SLUG,
        name: '义乌市涉外纠纷人民调解委员会（演示）',
        name_en: "Yiwu Foreign-Related Dispute People's Mediation Committee (demo)",
        reference_prefix: '义外调',
        time_zone: 'Asia/Shanghai',
        region_code: '330782',
        is_demo: 1,
        settings_json: JSON.stringify({ publicFigures: true }),
        // The demo accounts sign in with e-mail and password alone (README; `accord org set
        // --require-staff-totp on` turns the requirement on).
        require_staff_totp: 0,
        created_at: at,
      })
      .execute();
    await trx
      .insertInto('courts')
      .values([
        {
          id: demoIds.yiwuCourt,
          org_id: orgId,
          name: '义乌市人民法院',
          name_en: "Yiwu People's Court",
          kind: 'basic',
          is_docking_centre: 1,
          is_seat_court: 1,
          created_at: at,
        },
        {
          id: demoIds.ningboMaritimeCourt,
          org_id: orgId,
          name: '宁波海事法院',
          name_en: 'Ningbo Maritime Court',
          kind: 'maritime',
          is_docking_centre: 1,
          is_seat_court: 0,
          created_at: at,
        },
      ])
      .execute();

    const roster: DemoMediator[] = [...demoForeignMediators, ...demoPartTimeMediators()];
    for (const m of roster) {
      const id = demoIds.mediatorProfile(m.key);
      await trx
        .insertInto('mediator_profiles')
        .values({
          id,
          org_id: orgId,
          display_name: m.name,
          kind: m.kind,
          nationality: m.nationality,
          languages_json: JSON.stringify(m.languages),
          expertise_json: JSON.stringify(m.expertise),
          case_limit: m.caseLimit,
          time_zone: m.timeZone,
          email: `${m.key}@mediators.demo.example`,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto('mediator_languages')
        .values(
          m.languages.map((l) => ({
            org_id: orgId,
            mediator_id: id,
            language: l.code,
            family: familyOf(l.code) ?? null,
            proficiency: l.proficiency,
          })),
        )
        .execute();
    }

    for (const a of demoAccounts) {
      const userId = demoIds.user(a.email);
      await insertUser(trx, {
        id: userId,
        email: a.email,
        passwordHash,
        displayName: a.name,
        locale: a.locale,
        at,
      });
      if (a.role !== 'party') {
        await insertMembership(trx, {
          id: demoId('membership:' + a.email),
          orgId,
          userId,
          role: a.role,
          courtId: a.courtId ?? null,
          at,
        });
      }
      if (a.mediatorKey) {
        await trx
          .updateTable('mediator_profiles')
          .set({ user_id: userId })
          .where('id', '=', demoIds.mediatorProfile(a.mediatorKey))
          .execute();
      }
    }
    await appendAuditEvent(trx, {
      orgId,
      actorUserId: null,
      actorLabel: 'system',
      action: 'org.seeded',
      entityType: 'organization',
      entityId: orgId,
      summary: { after: { mediators: roster.length, accounts: demoAccounts.length } },
      at,
    });
  });
  return { created: true, orgId };
}
