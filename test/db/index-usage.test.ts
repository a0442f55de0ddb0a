import { randomBytes, randomUUID } from 'node:crypto';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  sql,
  type CompiledQuery,
  type Insertable,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.js';
import { fixedClock } from '../../src/domain/clock.js';
import { appendAuditEvent } from '../../src/db/repositories/audit-repository.js';
import { listActiveTeam } from '../../src/db/repositories/case-team-repository.js';
import {
  findBusyIntervals,
  loadAvailability,
} from '../../src/db/repositories/mediator-availability-repository.js';
import { claimDueOutboxRows } from '../../src/db/repositories/outbox-repository.js';
import {
  countRateLimitEventsSince,
  dropRateLimitEventsBefore,
} from '../../src/db/repositories/rate-limit-repository.js';
import {
  findActorBySessionToken,
  requireActorForUser,
} from '../../src/use-cases/auth/resolve-actor.js';
import { hashToken, newSessionToken } from '../../src/use-cases/auth/issue-session-token.js';
import { getCase } from '../../src/use-cases/cases/get-case.js';
import { listCases } from '../../src/use-cases/cases/list-cases.js';
import { demoIds, seedDemoCommittee } from '../../src/seed/seed-demo-committee.js';
import { enqueueOutbox } from '../../src/db/repositories/outbox-repository.js';
import { createCase } from '../support/factories.js';
import { testConfig } from '../support/build-test-app.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-database.js';

/**
 * The hot queries must reach their rows through an index, not by reading a whole table. The
 * queries are the ones the application really sends (captured from the use cases), explained
 * on a database that holds the demo committee's history copied into many committees, so that
 * filtering by organisation is selective and PostgreSQL's planner, after ANALYZE, prefers an
 * index only where one exists.
 */
const NOW = '2026-03-02T02:00:00.000Z';
const officerId = demoIds.user('officer@demo.example');
const COPIES = 120;
/** Tables smaller than this may be read whole; a scan of anything bigger is a missing index. */
const BIG_TABLE_ROWS = 500;

let database: TestDatabase;
let captureDb: Kysely<Database>;
const captured: CompiledQuery[] = [];
const rowCounts = new Map<string, number>();

async function listTables(db: Kysely<Database>): Promise<string[]> {
  const rows =
    testEngine === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(
          db,
        )
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE'
            and table_name not like 'kysely_%'`.execute(db);
  return rows.rows.map((r) => r.name);
}

async function columnsOf(db: Kysely<Database>, table: string): Promise<string[]> {
  const rows =
    testEngine === 'sqlite'
      ? await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)
      : await sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = 'public' and table_name = ${table}`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Copies every committee's rows (every table with an org_id) into COPIES new committees: each
 * row gets a new id, references to copied rows follow their copies, columns that must be
 * unique across committees get a suffix, and nothing in a copy belongs to a signed-in user. Foreign keys and triggers are off while copying so
 * that table order does not matter.
 */
async function copyCommittees(db: TestDatabase) {
  const tables = await listTables(db.db);
  const orgTables: { name: string; columns: string[] }[] = [];
  for (const t of tables) {
    const columns = await columnsOf(db.db, t);
    // Copies get no staff: the test's officer stays a member of one committee among many.
    if (t === 'memberships') continue;
    if (columns.includes('org_id') && columns.includes('id')) orgTables.push({ name: t, columns });
  }
  const orgs = await db.db.selectFrom('organizations').selectAll().execute();
  const snapshot = new Map<string, Record<string, unknown>[]>();
  for (const t of orgTables) {
    snapshot.set(
      t.name,
      (await sql<Record<string, unknown>>`select * from ${sql.table(t.name)}`.execute(db.db)).rows,
    );
  }
  const uniqueText = new Set(['slug', 'token_hash', 'idempotency_key', 'reference', 'email_hash']);
  const insertAll = async (trx: Kysely<Database>) => {
    for (let copy = 1; copy <= COPIES; copy++) {
      const newIds = new Map<string, string>();
      const remap = (v: unknown) => (typeof v === 'string' ? (newIds.get(v) ?? v) : v);
      for (const o of orgs) newIds.set(o.id, randomUUID());
      for (const rows of snapshot.values())
        for (const r of rows) newIds.set(r.id as string, randomUUID());
      await trx
        .insertInto('organizations')
        .values(orgs.map((o) => ({ ...o, id: newIds.get(o.id)!, slug: `${o.slug}-copy-${copy}` })))
        .execute();
      for (const t of orgTables) {
        const rows = snapshot.get(t.name)!.map((r) => {
          const out: Record<string, unknown> = {};
          for (const c of t.columns) {
            const v = r[c];
            out[c] =
              c === 'user_id'
                ? null
                : c === 'id' || c.endsWith('_id')
                  ? remap(v)
                  : uniqueText.has(c) && typeof v === 'string'
                    ? `${v}-${copy}`
                    : v;
          }
          return out;
        });
        // Stay well under both engines' bound-parameter limits.
        const perInsert = Math.max(1, Math.floor(20_000 / t.columns.length));
        for (let i = 0; i < rows.length; i += perInsert) {
          await sql`insert into ${sql.table(t.name)} (${sql.join(t.columns.map((c) => sql.ref(c)))})
            values ${sql.join(
              rows
                .slice(i, i + perInsert)
                .map((r) => sql`(${sql.join(t.columns.map((c) => r[c] ?? null))})`),
            )}`.execute(trx);
        }
      }
    }
  };
  if (db.engine === 'sqlite') {
    db.sqlite!.pragma('foreign_keys = OFF');
    await db.db.transaction().execute(insertAll);
    db.sqlite!.pragma('foreign_keys = ON');
  } else {
    await db.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await insertAll(trx);
    });
  }
}

const statuses = [
  'submitted',
  'accepted',
  'in_mediation',
  'agreed',
  'fulfilled',
  'withdrawn',
] as const;

/** Twenty-four cases of the demo committee with parties, teams, audit rows and queued mail. */
async function createCommitteeHistory(db: Kysely<Database>) {
  const team = [demoIds.mediatorProfile('f01'), demoIds.mediatorProfile('lawyer-01')];
  for (let i = 0; i < 24; i++) {
    const at = new Date(Date.parse('2026-01-01T00:00:00.000Z') + i * 86_400_000).toISOString();
    const c = await createCase(db, {
      orgId: demoIds.org,
      status: statuses[i % statuses.length],
      submittedAt: at,
      teamMediatorIds: i % 2 ? team : [team[0]!],
      parties: [
        { role: 'applicant', kind: 'person', name: `Ahmed Mansour ${i}`, country: 'EG' },
        { role: 'respondent', kind: 'organization', name: `义乌商行 ${i}`, country: 'CN' },
      ],
    });
    await db.transaction().execute(async (trx) => {
      for (const action of ['case.submitted', 'case.accepted']) {
        await appendAuditEvent(trx, {
          orgId: demoIds.org,
          caseId: c.id,
          actorUserId: officerId,
          actorLabel: 'officer',
          action,
          entityType: 'case',
          entityId: c.id,
          summary: {},
          at,
        });
      }
      await enqueueOutbox(trx, {
        orgId: demoIds.org,
        kind: 'case_event',
        idempotencyKey: `index-usage-${i}`,
        payload: {},
        at,
      });
    });
  }
  // Delivered mail stays in the table; only a few rows are ever due.
  await db
    .updateTable('outbox')
    .set({ status: 'done' })
    .where('run_after', '<', '2026-01-20')
    .execute();
}

/** Every table read whole, with the query that did it; empty when all hot reads use an index. */
async function fullScansOf(q: CompiledQuery): Promise<string[]> {
  if (testEngine === 'sqlite') {
    const plan = database
      .sqlite!.prepare(`explain query plan ${q.sql}`)
      .all(...(q.parameters as unknown[])) as { detail: string }[];
    const aliases = new Map<string, string>();
    for (const m of q.sql.matchAll(/(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
      aliases.set(
        m[2] && !/^(where|on|inner|left|join|order|group|limit)$/i.test(m[2]) ? m[2] : m[1]!,
        m[1]!,
      );
      aliases.set(m[1]!, m[1]!);
    }
    return plan
      .map((p) => /^SCAN (\w+)$/.exec(p.detail)?.[1])
      .filter((name): name is string => !!name)
      .map((name) => aliases.get(name) ?? name)
      .filter((table) => (rowCounts.get(table) ?? 0) >= BIG_TABLE_ROWS);
  }
  const { rows } = await database.pool!.query(`explain (format json) ${q.sql}`, [...q.parameters]);
  const out: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    const relation = node['Relation Name'] as string | undefined;
    if (
      node['Node Type'] === 'Seq Scan' &&
      relation &&
      (rowCounts.get(relation) ?? 0) >= BIG_TABLE_ROWS
    ) {
      out.push(relation);
    }
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk((rows[0]['QUERY PLAN'] as { Plan: Record<string, unknown> }[])[0]!.Plan);
  return out;
}

/**
 * SQLite: the plan steps that read cases other than by id (a committee's, through some index)
 * in a query level that then sorts them in a temporary B-tree, i.e. read every matching case
 * before the limit applies. Reads by id (a user's own few cases, a merged page) may be sorted.
 */
function sortedCommitteeReadsOf(q: CompiledQuery): string[] {
  const plan = database
    .sqlite!.prepare(`explain query plan ${q.sql}`)
    .all(...(q.parameters as unknown[])) as { id: number; parent: number; detail: string }[];
  const byId = new Map(plan.map((p) => [p.id, p]));
  // The query level a step belongs to: the nearest ancestor that is not part of an OR plan.
  const levelOf = (step: { parent: number }) => {
    let parent = step.parent;
    while (parent !== 0 && /^(MULTI-INDEX OR|INDEX \d+)$/.test(byId.get(parent)!.detail)) {
      parent = byId.get(parent)!.parent;
    }
    return parent;
  };
  const sortedLevels = new Set(
    plan.filter((p) => /USE TEMP B-TREE FOR .*ORDER BY/.test(p.detail)).map((p) => p.parent),
  );
  return plan
    .filter((p) => /^(SEARCH|SCAN) cases\b/.test(p.detail) && !/\(id=\?\)$/.test(p.detail))
    .filter((p) => sortedLevels.has(levelOf(p)))
    .map((p) => p.detail);
}

/** Inserts `count` rows made by `row(n)`, 500 to a statement (SQLite's parameter limit). */
async function insertGeneratedRows<T extends keyof Database>(
  table: T,
  count: number,
  row: (n: number) => Insertable<Database[T]>,
) {
  for (let i = 0; i < count; i += 500) {
    const rows = Array.from({ length: Math.min(500, count - i) }, (_, k) => row(i + k));
    await database.db.insertInto(table).values(rows).execute();
  }
}

/** Runs `work` against the capturing connection and explains every query it sent. */
async function expectIndexedQueries(work: (db: Kysely<Database>) => Promise<unknown>) {
  captured.length = 0;
  await work(captureDb);
  const queries = [...captured];
  expect(queries.length).toBeGreaterThan(0);
  const scans: { sql: string; tables: string[] }[] = [];
  for (const q of queries) {
    if (!/^\s*(select|update|delete|with)/i.test(q.sql)) continue;
    const tables = await fullScansOf(q);
    if (tables.length > 0) scans.push({ sql: q.sql, tables });
  }
  expect(scans).toEqual([]);
}

describe(`hot queries use an index (${testEngine})`, () => {
  let officerToken: string;
  let fullCaseId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoCommittee(database.db);
    await createCommitteeHistory(database.db);
    await copyCommittees(database);
    // A few thousand sign-ins, so that finding one by its token hash must not read them all.
    const users = await database.db.selectFrom('users').select('id').execute();
    await insertGeneratedRows('auth_sessions', 3000, (n) => ({
      id: randomUUID(),
      user_id: users[n % users.length]!.id,
      token_hash: randomBytes(32).toString('hex'),
      created_at: NOW,
      expires_at: '2026-04-01T00:00:00.000Z',
      ip: null,
      user_agent: null,
    }));
    // An hour of intake from many addresses: each application counts its own address's events
    // and deletes everyone's expired ones.
    await insertGeneratedRows('rate_limit_events', 3000, (n) => ({
      id: randomUUID(),
      scope: `intake-ip:198.51.100.${n % 250}`,
      created_at: new Date(Date.parse(NOW) - n * 1000).toISOString(),
    }));
    officerToken = newSessionToken();
    await database.db
      .insertInto('auth_sessions')
      .values({
        id: randomUUID(),
        user_id: officerId,
        token_hash: hashToken(officerToken),
        created_at: NOW,
        expires_at: '2026-04-01T00:00:00.000Z',
        ip: null,
        user_agent: null,
      })
      .execute();
    for (const t of await listTables(database.db)) {
      const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(
        database.db,
      );
      rowCounts.set(t, Number(r.rows[0]!.n));
    }
    if (testEngine === 'postgres') await sql`analyze`.execute(database.db);
    captureDb = new Kysely<Database>({
      dialect:
        testEngine === 'sqlite'
          ? new SqliteDialect({ database: database.sqlite! })
          : new PostgresDialect({ pool: database.pool! }),
      log: (e) => {
        if (e.level === 'query') captured.push(e.query);
      },
    });
    const fullest = await database.db
      .selectFrom('cases')
      .select('id')
      .where('org_id', '=', demoIds.org)
      .where('status', 'in', ['fulfilled', 'performing', 'agreed'])
      .orderBy('submitted_at', 'desc')
      .executeTakeFirstOrThrow();
    fullCaseId = fullest.id;
  }, 240_000);

  afterAll(async () => {
    await database?.drop();
  });

  it('holds thousands of rows in the big tables', () => {
    expect(rowCounts.get('cases')).toBeGreaterThan(2000);
    expect(rowCounts.get('case_parties')).toBeGreaterThan(4000);
    expect(rowCounts.get('audit_events')).toBeGreaterThan(4000);
    expect(rowCounts.get('auth_sessions')).toBeGreaterThanOrEqual(3000);
  });

  it('notices a full scan (the check itself can fail)', async () => {
    captured.length = 0;
    await captureDb.selectFrom('cases').select('id').where('summary', '=', 'nothing').execute();
    expect(await fullScansOf(captured[0]!)).toEqual(['cases']);
  });

  it('session lookup by token hash (the actor of every request)', async () => {
    await expectIndexedQueries(async (db) => {
      const found = await findActorBySessionToken(db, officerToken, NOW);
      expect(found?.actor.userId).toBe(officerId);
    });
  });

  it('case by id: access check and the whole case page', async () => {
    const actor = await requireActorForUser(database.db, officerId);
    await expectIndexedQueries(async (db) => {
      const page = await getCase(
        { db, clock: fixedClock(NOW), config: testConfig(database.dataDir) },
        { actor, caseId: fullCaseId },
      );
      expect(page.id).toBe(fullCaseId);
    });
  });

  it('case list filtered by status, with a cursor; and party-name search', async () => {
    const actor = await requireActorForUser(database.db, officerId);
    const ctx = { clock: fixedClock(NOW), config: testConfig(database.dataDir) };
    const first = await listCases(
      { ...ctx, db: database.db },
      { actor, query: { status: 'fulfilled', limit: 2 } },
    );
    expect(first.nextCursor).not.toBeNull();
    await expectIndexedQueries(async (db) => {
      const next = await listCases(
        { ...ctx, db },
        { actor, query: { status: 'fulfilled', limit: 2, cursor: first.nextCursor! } },
      );
      expect(next.items.length).toBeGreaterThan(0);
    });
    await expectIndexedQueries(async (db) => {
      const found = await listCases({ ...ctx, db }, { actor, query: { q: 'Mansour', limit: 20 } });
      expect(Array.isArray(found.items)).toBe(true);
    });
  });

  // The plan checked here is SQLite's (EXPLAIN QUERY PLAN); on PostgreSQL the test is not
  // registered rather than reported skipped.
  if (testEngine === 'sqlite')
    it('case list: the committee is read newest first through its index, not read whole and sorted', async () => {
      const actor = await requireActorForUser(database.db, officerId);
      const ctx = { clock: fixedClock(NOW), config: testConfig(database.dataDir) };
      // The check itself can fail: one OR over the visibility rules sorts the whole committee.
      captured.length = 0;
      await captureDb
        .selectFrom('cases')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('cases.org_id', '=', demoIds.org),
            eb(
              'cases.id',
              'in',
              eb.selectFrom('case_parties').select('case_id').where('user_id', '=', officerId),
            ),
          ]),
        )
        .where('cases.status', '=', 'fulfilled')
        .orderBy('cases.submitted_at', 'desc')
        .orderBy('cases.id', 'desc')
        .limit(3)
        .execute();
      expect(sortedCommitteeReadsOf(captured[0]!)).not.toEqual([]);
      for (const query of [
        { status: 'fulfilled' as const, limit: 2 },
        { category: 'payment', limit: 20 },
        { q: 'Mansour', limit: 20 },
      ]) {
        captured.length = 0;
        await listCases({ ...ctx, db: captureDb }, { actor, query });
        const lists = captured.filter((q) => /from "cases"/.test(q.sql));
        expect(lists.length).toBeGreaterThan(0);
        for (const q of lists) expect(sortedCommitteeReadsOf(q)).toEqual([]);
      }
    });

  it('team by case', async () => {
    await expectIndexedQueries(async (db) => {
      expect((await listActiveTeam(db, fullCaseId)).length).toBeGreaterThan(0);
    });
  });

  it('outbox claim', async () => {
    await expectIndexedQueries((db) =>
      claimDueOutboxRows(db, { now: NOW, leaseUntil: '2026-03-02T02:05:00.000Z', limit: 10 }),
    );
  });

  it('audit chain head of one organisation (every audited change reads it)', async () => {
    await expectIndexedQueries((db) =>
      db.transaction().execute((trx) =>
        appendAuditEvent(trx, {
          orgId: demoIds.org,
          actorUserId: officerId,
          actorLabel: 'officer',
          action: 'test.index_usage',
          entityType: 'organization',
          entityId: demoIds.org,
          summary: {},
          at: NOW,
        }),
      ),
    );
  });

  it('intake rate limit: count one address, drop expired events (every application)', async () => {
    await expectIndexedQueries(async (db) => {
      const windowStart = new Date(Date.parse(NOW) - 3_600_000).toISOString();
      const { count } = await countRateLimitEventsSince(db, 'intake-ip:198.51.100.7', windowStart);
      expect(count).toBeGreaterThan(0);
      await dropRateLimitEventsBefore(db, windowStart);
    });
  });

  it('mediator availability and busy intervals', async () => {
    const mediators = await database.db
      .selectFrom('mediator_profiles')
      .select('id')
      .where('org_id', '=', demoIds.org)
      .limit(5)
      .execute();
    await expectIndexedQueries(async (db) => {
      await loadAvailability(
        db,
        mediators.map((m) => m.id),
        '2026-03-02',
        '2026-03-16',
      );
      await findBusyIntervals(db, {
        mediatorId: mediators[0]!.id,
        from: NOW,
        to: '2026-03-16T00:00:00.000Z',
      });
    });
  });
});
