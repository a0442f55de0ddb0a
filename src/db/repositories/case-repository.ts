import {
  sql,
  type AliasedSelectQueryBuilder,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Selectable,
  type SelectQueryBuilder,
} from 'kysely';
import type {
  AuditEventsTable,
  CasePartiesTable,
  CasesTable,
  ConsentsTable,
  Database,
  OutboxTable,
  PartyInvitesTable,
  RateLimitEventsTable,
} from '../schema.js';
import type { AuditChainHead } from './audit-repository.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isPostgres } from '../detect-engine.js';
import type { CaseStatus } from '../../domain/case-status.js';

export type CaseRow = Selectable<CasesTable>;
export type CasePartyRow = Selectable<CasePartiesTable>;

/** The organisation a public application goes to: by slug, or else the oldest one. */
export async function findIntakeOrg(db: Kysely<Database>, slug: string | undefined) {
  let q = db
    .selectFrom('organizations')
    .select(['id', 'slug', 'reference_prefix', 'time_zone'])
    .orderBy('created_at')
    .orderBy('id')
    .limit(1);
  if (slug !== undefined) q = q.where('slug', '=', slug);
  return q.executeTakeFirst();
}

/**
 * The next sequence number of the (org, year) counter. One atomic upsert: PostgreSQL locks the
 * counter row until the transaction ends, and SQLite holds its single write lock, so two
 * concurrent applications never get the same number.
 */
export async function takeNextCaseSeq(
  trx: Kysely<Database>,
  orgId: string,
  year: number,
): Promise<number> {
  const row = await trx
    .insertInto('case_reference_counters')
    .values({ org_id: orgId, year, last_seq: 1 })
    .onConflict((oc) =>
      oc.columns(['org_id', 'year']).doUpdateSet({
        last_seq: sql<number>`case_reference_counters.last_seq + 1`,
      }),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

/**
 * Takes `count` case numbers of the (org, year) counter (the last of them is returned; the
 * others precede it) and reads the head of the organisation's audit chain, in one statement:
 * applications hold the organisation's lock from here to their commit, so every round trip
 * in between is one that other applications to the committee wait for. Call after
 * lockOrgAuditChain (the head must be read under the lock).
 */
export async function takeCaseSeqsAndAuditHead(
  trx: Kysely<Database>,
  orgId: string,
  year: number,
  count: number,
): Promise<{ lastSeq: number; auditHead: AuditChainHead | undefined }> {
  const head = (eb: ExpressionBuilder<Database, 'case_reference_counters'>) =>
    eb
      .selectFrom('audit_events')
      .where('audit_events.org_id', '=', orgId)
      .orderBy('audit_events.seq', 'desc')
      .limit(1);
  const row = await trx
    .insertInto('case_reference_counters')
    .values({ org_id: orgId, year, last_seq: count })
    .onConflict((oc) =>
      oc.columns(['org_id', 'year']).doUpdateSet({
        last_seq: sql<number>`case_reference_counters.last_seq + ${count}`,
      }),
    )
    .returning((eb) => [
      'last_seq',
      head(eb).select('audit_events.seq').as('head_seq'),
      head(eb).select('audit_events.hash').as('head_hash'),
    ])
    .executeTakeFirstOrThrow();
  return {
    lastSeq: Number(row.last_seq),
    auditHead:
      row.head_seq == null ? undefined : { seq: Number(row.head_seq), hash: row.head_hash! },
  };
}

/** Every row an application writes once it has its number (submit-case.ts). */
export interface IntakeRows {
  case: Insertable<CasesTable>;
  parties: Insertable<CasePartiesTable>[];
  consents: Insertable<ConsentsTable>[];
  audit: Insertable<AuditEventsTable>;
  invites: Insertable<PartyInvitesTable>[];
  /** Queued with its idempotency key: a second enqueue of the same event does nothing. */
  outbox: Insertable<OutboxTable>;
  /** The per-IP count of public applications, counted only if the application is filed. */
  rateLimitEvent?: Insertable<RateLimitEventsTable>;
}

/**
 * Inserts the rows of one or more applications, one multi-row INSERT per table. PostgreSQL
 * gets them all as one statement (data-modifying WITH clauses: one round trip under the
 * organisation's lock instead of eight; foreign keys and the statistics triggers run at the
 * end of the statement, when every row is in). SQLite runs in process, where a round trip
 * costs nothing.
 */
export async function insertIntakes(trx: Kysely<Database>, all: IntakeRows[]): Promise<void> {
  const languages = all.flatMap((r) => {
    const set = new Set<string>();
    for (const p of r.parties) {
      for (const l of JSON.parse(p.languages_json) as string[]) set.add(l);
    }
    return [...set].map((language) => ({ org_id: r.case.org_id, case_id: r.case.id, language }));
  });
  const consents = all.flatMap((r) => r.consents);
  const invites = all.flatMap((r) => r.invites);
  const rateLimitEvents = all.flatMap((r) => (r.rateLimitEvent ? [r.rateLimitEvent] : []));
  const inserts = [
    trx.insertInto('cases').values(all.map((r) => r.case)),
    trx.insertInto('case_parties').values(all.flatMap((r) => r.parties)),
    trx.insertInto('case_languages').values(languages),
    ...(consents.length ? [trx.insertInto('consents').values(consents)] : []),
    trx.insertInto('audit_events').values(all.map((r) => r.audit)),
    ...(invites.length ? [trx.insertInto('party_invites').values(invites)] : []),
    ...(rateLimitEvents.length
      ? [trx.insertInto('rate_limit_events').values(rateLimitEvents)]
      : []),
  ];
  const outbox = trx
    .insertInto('outbox')
    .values(all.map((r) => r.outbox))
    .onConflict((oc) => oc.column('idempotency_key').doNothing());
  if (!isPostgres(trx)) {
    for (const q of [...inserts, outbox]) await q.execute();
    return;
  }
  const ctes = inserts.map((q, i) => sql`${sql.raw(`w${i}`)} as (${q})`);
  await sql`with ${sql.join(ctes)} ${outbox}`.execute(trx);
}

export async function findCaseRow(
  db: Kysely<Database>,
  caseId: string,
): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
}

export async function listCaseParties(
  db: Kysely<Database>,
  caseId: string,
): Promise<CasePartyRow[]> {
  return db
    .selectFrom('case_parties')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('role')
    .orderBy('id')
    .execute();
}

/**
 * Earlier cases of the same organisation, submitted since `since`, that share a party: the
 * same e-mail, or the same name (case-insensitive) in the same country.
 */
export async function findCasesSharingParties(
  db: Kysely<Database>,
  opts: {
    orgId: string;
    excludeCaseId: string;
    since: string;
    parties: { name: string; country: string; email: string | null }[];
  },
) {
  const emails = opts.parties.map((p) => p.email?.toLowerCase()).filter((e): e is string => !!e);
  return db
    .selectFrom('case_parties as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .select([
      'c.id as caseId',
      'c.reference',
      'c.status',
      'c.submitted_at as submittedAt',
      'p.name as partyName',
      'p.country as partyCountry',
      'p.email as partyEmail',
    ])
    .where('p.org_id', '=', opts.orgId)
    .where('c.id', '<>', opts.excludeCaseId)
    .where('c.submitted_at', '>=', opts.since)
    .where((eb) =>
      eb.or([
        ...(emails.length ? [eb(eb.fn('lower', ['p.email']), 'in', emails)] : []),
        ...opts.parties.map((p) =>
          eb.and([
            eb(eb.fn('lower', ['p.name']), '=', p.name.toLowerCase()),
            eb('p.country', '=', p.country),
          ]),
        ),
      ]),
    )
    .orderBy('c.submitted_at', 'desc')
    .limit(200)
    .execute();
}

export interface CaseListFilters {
  status?: CaseStatus;
  category?: string;
  language?: string;
  country?: string;
  mediatorIds?: string[];
  overdueAt?: string;
  /** Open cases whose mediation deadline falls in [dueFrom, dueBefore): "due soon". */
  dueFrom?: string;
  dueBefore?: string;
  submittedFrom?: string;
  submittedBefore?: string;
  /** Normalised search tokens; every one must occur in the case's search text. */
  queryTokens?: string[];
  after?: { submittedAt: string; id: string };
  limit: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** The list's filters, on a query over `cases` (the list's branches share them). */
function filterCaseList<O>(
  q: SelectQueryBuilder<Database, 'cases', O>,
  f: CaseListFilters,
  mediatorIds: string[] | undefined,
): SelectQueryBuilder<Database, 'cases', O> {
  if (f.status) q = q.where('cases.status', '=', f.status);
  if (f.category) q = q.where('cases.category', '=', f.category);
  if (f.language) {
    const language = f.language;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_languages as cl')
          .select('cl.case_id')
          .whereRef('cl.case_id', '=', 'cases.id')
          .where('cl.language', '=', language),
      ),
    );
  }
  if (f.country) {
    const country = f.country;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_parties as pc')
          .select('pc.id')
          .whereRef('pc.case_id', '=', 'cases.id')
          .where('pc.country', '=', country),
      ),
    );
  }
  if (mediatorIds) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_team_members as tm')
          .select('tm.id')
          .whereRef('tm.case_id', '=', 'cases.id')
          .where('tm.removed_at', 'is', null)
          .where('tm.mediator_id', 'in', mediatorIds),
      ),
    );
  }
  if (f.overdueAt) {
    q = q
      .where('cases.mediation_due_at', '<', f.overdueAt)
      .where('cases.status', 'in', ['accepted', 'in_mediation']);
  }
  if (f.dueFrom && f.dueBefore) {
    // Same (status, mediation_due_at) index as the overdue filter: only open cases have a live deadline.
    q = q
      .where('cases.mediation_due_at', '>=', f.dueFrom)
      .where('cases.mediation_due_at', '<', f.dueBefore)
      .where('cases.status', 'in', ['accepted', 'in_mediation']);
  }
  if (f.submittedFrom) q = q.where('cases.submitted_at', '>=', f.submittedFrom);
  if (f.submittedBefore) q = q.where('cases.submitted_at', '<', f.submittedBefore);
  for (const token of f.queryTokens ?? []) {
    q = q.where(sql<boolean>`cases.search_text like ${'%' + escapeLike(token) + '%'} escape '\\'`);
  }
  if (f.after) {
    // A row value, so that both engines seek the (org, submitted_at, id) index to the cursor.
    q = q.where(
      (eb) => eb.refTuple('cases.submitted_at', 'cases.id'),
      '<',
      (eb) => eb.tuple(f.after!.submittedAt, f.after!.id),
    );
  }
  return q;
}

/**
 * The cases the actor may see, newest first, filtered. Visibility is the policy of
 * authorize-case-access.ts expressed as SQL: staff of the org, team members, liaisons of a
 * court the case was filed with, and the case's own parties.
 *
 * Each visibility rule is its own branch, ordered and limited on its own, and the page is the
 * newest `limit` of their union. As one `org_id in (…) OR id in (…)` condition, SQLite had to
 * read every matching case of the committee and sort them (a temporary B-tree), so the list
 * slowed with the committee's size; a branch for one committee walks the (org, submitted_at,
 * id) index newest first and stops at the limit (test/db/index-usage.test.ts).
 */
export async function listVisibleCases(
  db: Kysely<Database>,
  actor: Actor,
  f: CaseListFilters,
): Promise<CaseRow[]> {
  if (f.mediatorIds && f.mediatorIds.length === 0) return [];
  const staffOrgs = [
    ...new Set(
      actor.memberships
        .filter((m) => m.role === 'director' || m.role === 'officer')
        .map((m) => m.orgId),
    ),
  ];
  const liaisonCourts = actor.memberships
    .filter((m) => m.role === 'court_liaison' && m.courtId)
    .map((m) => ({ orgId: m.orgId, courtId: m.courtId! }));

  // A branch is a committee (its cases by the org index) or a set of case ids (the user's
  // team places, court filings, party places), few enough to read by id and sort.
  type CaseIdSet = AliasedSelectQueryBuilder<{ case_id: string }, 's'>;
  const branches: { orgId?: string; ids?: CaseIdSet }[] = [
    ...staffOrgs.map((orgId) => ({ orgId })),
    ...(actor.mediatorIds.length
      ? [
          {
            ids: db
              .selectFrom('case_team_members as t')
              .select('t.case_id')
              .where('t.removed_at', 'is', null)
              .where('t.mediator_id', 'in', actor.mediatorIds)
              .distinct()
              .as('s'),
          },
        ]
      : []),
    ...liaisonCourts.map((l) => ({
      orgId: l.orgId,
      ids: db
        .selectFrom('court_filings as cf')
        .select('cf.case_id')
        .where('cf.court_id', '=', l.courtId)
        .distinct()
        .as('s'),
    })),
    {
      ids: db
        .selectFrom('case_parties as pu')
        .select('pu.case_id')
        .where('pu.user_id', '=', actor.userId)
        .distinct()
        .as('s'),
    },
  ];
  const pg = isPostgres(db);
  const casesOf = (b: { ids?: CaseIdSet }): SelectQueryBuilder<Database, 'cases', object> => {
    if (!b.ids) return db.selectFrom('cases');
    // PostgreSQL looks `= any(array(…))` up in the primary key (`in (sub-query)` made it read
    // every case). SQLite, without statistics, would rather walk an index on a filter column
    // (status) through every committee; a CROSS JOIN makes it start from the id set.
    if (pg) {
      return db
        .selectFrom('cases')
        .where('cases.id', '=', sql<string>`any(array(${b.ids.expression}))`);
    }
    return db
      .selectFrom(b.ids)
      .crossJoin('cases')
      .whereRef('cases.id', '=', 's.case_id') as unknown as SelectQueryBuilder<
      Database,
      'cases',
      object
    >;
  };
  // SQLite takes ORDER BY and LIMIT in a member of a compound select only inside a sub-query.
  const branchIds = branches.map((b) => {
    let q = filterCaseList(casesOf(b).select('cases.id'), f, f.mediatorIds);
    if (b.orgId) q = q.where('cases.org_id', '=', b.orgId);
    return db
      .selectFrom(
        q.orderBy('cases.submitted_at', 'desc').orderBy('cases.id', 'desc').limit(f.limit).as('v'),
      )
      .select('v.id');
  });
  const union = branchIds.slice(1).reduce((u, b) => u.unionAll(b), branchIds[0]!);
  // A case visible by two rules comes twice from the union; `id in` takes it once.
  return db
    .selectFrom('cases')
    .selectAll('cases')
    .where((eb) =>
      pg ? eb('cases.id', '=', sql<string>`any(array${union})`) : eb('cases.id', 'in', union),
    )
    .orderBy('cases.submitted_at', 'desc')
    .orderBy('cases.id', 'desc')
    .limit(f.limit)
    .execute();
}

export async function listPartiesOfCases(
  db: Kysely<Database>,
  caseIds: string[],
): Promise<CasePartyRow[]> {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('case_parties')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertConsents(
  trx: Kysely<Database>,
  rows: Insertable<ConsentsTable>[],
): Promise<void> {
  if (rows.length) await trx.insertInto('consents').values(rows).execute();
}

export async function listConsents(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('given_at')
    .orderBy('id')
    .execute();
}

/** Everything the case page shows besides the case row and parties. */
export async function findCaseDossierParts(db: Kysely<Database>, caseId: string) {
  const [agreement, filings, followUps, instalments, payments, timeline, extensions, appeal] =
    await Promise.all([
      db
        .selectFrom('agreements')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst(),
      db
        .selectFrom('court_filings')
        .innerJoin('courts', 'courts.id', 'court_filings.court_id')
        .select([
          'court_filings.id',
          'court_filings.kind',
          'court_filings.status',
          'court_filings.court_id',
          'courts.name as court_name',
          'court_filings.filed_at',
          'court_filings.accepted_at',
          'court_filings.court_case_number',
          'court_filings.result',
          'court_filings.result_at',
        ])
        .where('court_filings.case_id', '=', caseId)
        .orderBy('court_filings.filed_at')
        .execute(),
      db
        .selectFrom('follow_ups')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('due_on')
        .execute(),
      db
        .selectFrom('instalments')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('seq')
        .execute(),
      db
        .selectFrom('payments')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('paid_on')
        .orderBy('recorded_at')
        .execute(),
      db
        .selectFrom('audit_events')
        .select(['seq', 'action', 'actor_label', 'created_at', 'summary_json'])
        .where('case_id', '=', caseId)
        .orderBy('seq')
        .limit(1000)
        .execute(),
      db
        .selectFrom('case_deadline_extensions')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('seq')
        .execute(),
      db
        .selectFrom('case_rejection_appeals')
        .selectAll()
        .where('case_id', '=', caseId)
        .executeTakeFirst(),
    ]);
  return { agreement, filings, followUps, instalments, payments, timeline, extensions, appeal };
}

export async function findRejectionAppeal(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('case_rejection_appeals')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

export async function insertRejectionAppeal(
  trx: Kysely<Database>,
  a: {
    id: string;
    orgId: string;
    caseId: string;
    partyId: string | null;
    reason: string;
    at: string;
  },
): Promise<void> {
  await trx
    .insertInto('case_rejection_appeals')
    .values({
      id: a.id,
      org_id: a.orgId,
      case_id: a.caseId,
      party_id: a.partyId,
      reason: a.reason,
      created_at: a.at,
    })
    .execute();
}

export async function decideRejectionAppealRow(
  trx: Kysely<Database>,
  d: { caseId: string; decision: 'overturned' | 'upheld'; reason: string; by: string; at: string },
): Promise<boolean> {
  const r = await trx
    .updateTable('case_rejection_appeals')
    .set({ decision: d.decision, decision_reason: d.reason, decided_by: d.by, decided_at: d.at })
    .where('case_id', '=', d.caseId)
    .where('decided_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countDeadlineExtensions(
  db: Kysely<Database>,
  caseId: string,
): Promise<number> {
  const r = await db
    .selectFrom('case_deadline_extensions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertDeadlineExtension(
  trx: Kysely<Database>,
  e: {
    id: string;
    orgId: string;
    caseId: string;
    seq: number;
    previousDueAt: string;
    newDueAt: string;
    reason: string;
    by: string;
    at: string;
  },
): Promise<void> {
  await trx
    .insertInto('case_deadline_extensions')
    .values({
      id: e.id,
      org_id: e.orgId,
      case_id: e.caseId,
      seq: e.seq,
      previous_due_at: e.previousDueAt,
      new_due_at: e.newDueAt,
      reason: e.reason,
      extended_by: e.by,
      created_at: e.at,
    })
    .execute();
}

/** Of these cases, those on whose team one of the mediator profiles sits. */
export async function listCasesOnTeam(
  db: Kysely<Database>,
  caseIds: string[],
  mediatorIds: string[],
): Promise<Set<string>> {
  if (caseIds.length === 0 || mediatorIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('case_team_members')
    .select('case_id')
    .where('case_id', 'in', caseIds)
    .where('mediator_id', 'in', mediatorIds)
    .execute();
  return new Set(rows.map((r) => r.case_id));
}
