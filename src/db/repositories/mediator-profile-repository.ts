import type { Kysely } from 'kysely';
import type { Database, MediatorProfilesTable } from '../schema.js';
import { familyOf } from '../../domain/language-families.js';

export interface MediatorLanguage {
  code: string;
  proficiency: string;
}

export interface MediatorProfileRow {
  id: string;
  orgId: string;
  userId: string | null;
  displayName: string;
  kind: string;
  nationality: string;
  languages: MediatorLanguage[];
  expertise: string[];
  caseLimit: number;
  lastAssignedAt: string | null;
  email: string | null;
  phoneEnc: string | null;
  bio: Record<string, string>;
  timeZone: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

type Selected = Pick<
  MediatorProfilesTable,
  'id' | 'org_id' | 'user_id' | 'display_name' | 'kind' | 'nationality' | 'last_assigned_at'
> & {
  languages_json: string;
  expertise_json: string;
  case_limit: number;
  email: string | null;
  phone_enc: string | null;
  bio_json: string;
  time_zone: string;
  active: number;
  created_at: string;
  updated_at: string;
};

export function toMediatorProfile(r: Selected): MediatorProfileRow {
  return {
    id: r.id,
    orgId: r.org_id,
    userId: r.user_id,
    displayName: r.display_name,
    kind: r.kind,
    nationality: r.nationality,
    languages: JSON.parse(r.languages_json) as MediatorLanguage[],
    expertise: JSON.parse(r.expertise_json) as string[],
    caseLimit: r.case_limit,
    lastAssignedAt: r.last_assigned_at,
    email: r.email,
    phoneEnc: r.phone_enc,
    bio: JSON.parse(r.bio_json) as Record<string, string>,
    timeZone: r.time_zone,
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const columns = [
  'id',
  'org_id',
  'user_id',
  'display_name',
  'kind',
  'nationality',
  'languages_json',
  'expertise_json',
  'case_limit',
  'last_assigned_at',
  'email',
  'phone_enc',
  'bio_json',
  'time_zone',
  'active',
  'created_at',
  'updated_at',
] as const;

export async function findMediatorProfile(
  db: Kysely<Database>,
  id: string,
): Promise<MediatorProfileRow | undefined> {
  const r = await db
    .selectFrom('mediator_profiles')
    .select(columns)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toMediatorProfile(r) : undefined;
}

export async function findMediatorProfiles(
  db: Kysely<Database>,
  ids: string[],
): Promise<MediatorProfileRow[]> {
  if (ids.length === 0) return [];
  const out: MediatorProfileRow[] = [];
  // Chunked: SQLite and pg both cap the number of bound parameters.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('mediator_profiles')
      .select(columns)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    out.push(...rows.map(toMediatorProfile));
  }
  return out;
}

export interface MediatorProfileValues {
  displayName: string;
  kind: string;
  nationality: string;
  languages: MediatorLanguage[];
  expertise: string[];
  caseLimit: number;
  email: string | null;
  phoneEnc: string | null;
  bio: Record<string, string>;
  timeZone: string;
  userId: string | null;
}

/** Inserts a profile and its rows in the language index; call inside the audited transaction. */
/** The editable columns, shared by insert and update so that the two cannot drift apart. */
function profileColumns(p: MediatorProfileValues) {
  return {
    user_id: p.userId,
    display_name: p.displayName,
    kind: p.kind,
    nationality: p.nationality,
    languages_json: JSON.stringify(p.languages),
    expertise_json: JSON.stringify(p.expertise),
    case_limit: p.caseLimit,
    email: p.email,
    phone_enc: p.phoneEnc,
    bio_json: JSON.stringify(p.bio),
    time_zone: p.timeZone,
  };
}

export async function insertMediatorProfile(
  trx: Kysely<Database>,
  p: MediatorProfileValues & { id: string; orgId: string; at: string },
): Promise<void> {
  await trx
    .insertInto('mediator_profiles')
    .values({
      id: p.id,
      org_id: p.orgId,
      ...profileColumns(p),
      active: 1,
      created_at: p.at,
      updated_at: p.at,
    })
    .execute();
  await replaceMediatorLanguages(trx, { orgId: p.orgId, mediatorId: p.id, languages: p.languages });
}

export async function updateMediatorProfile(
  trx: Kysely<Database>,
  p: MediatorProfileValues & { id: string; orgId: string; at: string },
): Promise<void> {
  await trx
    .updateTable('mediator_profiles')
    .set({
      ...profileColumns(p),
      updated_at: p.at,
    })
    .where('id', '=', p.id)
    .execute();
  await replaceMediatorLanguages(trx, { orgId: p.orgId, mediatorId: p.id, languages: p.languages });
}

/** Keeps mediator_languages (the index matching reads) equal to the profile's languages. */
export async function replaceMediatorLanguages(
  trx: Kysely<Database>,
  o: { orgId: string; mediatorId: string; languages: MediatorLanguage[] },
): Promise<void> {
  await trx.deleteFrom('mediator_languages').where('mediator_id', '=', o.mediatorId).execute();
  if (o.languages.length === 0) return;
  await trx
    .insertInto('mediator_languages')
    .values(
      o.languages.map((l) => ({
        org_id: o.orgId,
        mediator_id: o.mediatorId,
        language: l.code,
        family: familyOf(l.code) ?? null,
        proficiency: l.proficiency,
      })),
    )
    .execute();
}

export async function setMediatorActive(
  trx: Kysely<Database>,
  o: { id: string; active: boolean; at: string },
): Promise<void> {
  await trx
    .updateTable('mediator_profiles')
    .set({ active: o.active ? 1 : 0, updated_at: o.at })
    .where('id', '=', o.id)
    .execute();
}

export async function listMediatorProfiles(
  db: Kysely<Database>,
  o: {
    orgId: string;
    kind?: string;
    language?: string;
    active?: boolean;
    limit: number;
    after?: string;
  },
): Promise<MediatorProfileRow[]> {
  let q = db
    .selectFrom('mediator_profiles')
    .select(columns.map((c) => `mediator_profiles.${c}` as const))
    .where('mediator_profiles.org_id', '=', o.orgId);
  if (o.kind) q = q.where('mediator_profiles.kind', '=', o.kind);
  if (o.active !== undefined) q = q.where('mediator_profiles.active', '=', o.active ? 1 : 0);
  if (o.language) {
    const language = o.language;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('mediator_languages')
          .select('mediator_languages.mediator_id')
          .whereRef('mediator_languages.mediator_id', '=', 'mediator_profiles.id')
          .where('mediator_languages.language', '=', language),
      ),
    );
  }
  if (o.after) q = q.where('mediator_profiles.id', '>', o.after);
  const rows = await q.orderBy('mediator_profiles.id').limit(o.limit).execute();
  return rows.map(toMediatorProfile);
}
