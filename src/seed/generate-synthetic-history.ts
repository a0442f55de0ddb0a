import { randomUUID } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { nationalCategoryOf, type CommercialSubcategory } from '../domain/dispute-categories.js';
import { seededRandom } from './seeded-random.js';

/**
 * A synthetic national history for load tests and the statistics benchmark: N cases spread
 * over many organisations from 2013 to `now`, growing year by year, with payments. Only the
 * columns the statistics read are meaningful. Rows go in through the normal tables, so the
 * statistics triggers keep the roll-ups exactly as they would in production.
 */
export interface GenerateOptions {
  cases: number;
  orgs?: number;
  seed?: number;
  now?: Date;
  onProgress?: (done: number) => void;
  /** The raw SQLite handle: rows then go through prepared statements, several times faster. */
  sqlite?: SQLite.Database;
}

function sqliteInserter(sqlite: SQLite.Database, table: string, columns: string[]) {
  const stmt = sqlite.prepare(
    `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => '@' + c).join(', ')})`,
  );
  return (rows: Record<string, unknown>[]) => {
    for (const r of rows) {
      const bound: Record<string, unknown> = {};
      for (const c of columns) bound[c] = r[c] ?? null;
      stmt.run(bound);
    }
  };
}

const categories: CommercialSubcategory[] = [
  'goods_quality',
  'payment',
  'delivery',
  'deposit',
  'agency',
  'intellectual_property',
  'contract_other',
];
const sources = [
  'application',
  'application',
  'application',
  'court_referral',
  'own_initiative',
  'police_referral',
  'government_referral',
];
const DAY = 86_400_000;
const BATCH = 20_000;

export async function generateSyntheticHistory(
  db: Kysely<Database>,
  o: GenerateOptions,
): Promise<{ orgIds: string[]; cases: number; payments: number }> {
  const rand = seededRandom(o.seed ?? 42);
  const nowMs = (o.now ?? new Date()).getTime();
  const startMs = Date.UTC(2013, 0, 1);
  const span = nowMs - 2 * DAY - startMs;
  const run = randomUUID().slice(0, 8);
  const orgCount = o.orgs ?? 200;
  const orgIds = Array.from({ length: orgCount }, () => randomUUID());
  const at = new Date(startMs).toISOString();
  for (let i = 0; i < orgIds.length; i += 100) {
    await db
      .insertInto('organizations')
      .values(
        orgIds.slice(i, i + 100).map((id, k) => ({
          id,
          slug: `synthetic-${run}-${i + k + 1}`,
          name: `合成调解委员会 ${i + k + 1}`,
          name_en: `Synthetic committee ${i + k + 1}`,
          reference_prefix: '合调',
          settings_json: '{}',
          created_at: at,
        })),
      )
      .execute();
  }
  let payments = 0;
  const colsPerCase = 24;
  // Stay under SQLite's and PostgreSQL's bound-parameter limits.
  const rowsPerInsert = Math.floor(30_000 / colsPerCase);
  let insertCases: ((rows: Record<string, unknown>[]) => void) | undefined;
  let insertPayments: ((rows: Record<string, unknown>[]) => void) | undefined;
  const paymentColumns = [
    'id',
    'org_id',
    'case_id',
    'amount_minor',
    'currency',
    'amount_cny_minor',
    'fx_rate',
    'paid_on',
    'recorded_at',
  ];
  for (let done = 0; done < o.cases;) {
    const n = Math.min(BATCH, o.cases - done);
    const cases: Insertable<Database['cases']>[] = [];
    const pays: Insertable<Database['payments']>[] = [];
    for (let i = 0; i < n; i++) {
      // sqrt: later years have more cases (linear growth of the yearly count).
      const acceptedMs = startMs + Math.floor(Math.sqrt(rand()) * span);
      const id = randomUUID();
      const orgId = orgIds[Math.floor(rand() * orgCount)]!;
      const category = categories[Math.floor(rand() * categories.length)]!;
      const accepted = new Date(acceptedMs).toISOString();
      const dueMs = acceptedMs + 30 * DAY;
      const concludedMs = acceptedMs + (3 + Math.floor(rand() * 40)) * DAY;
      const r = rand();
      const outcome = r < 0.9 ? 'agreed' : r < 0.97 ? 'failed' : 'withdrawn';
      const concluded = concludedMs < nowMs;
      const amount = Math.round(Math.exp(Math.log(60_000) + (rand() - 0.5) * 3)) * 100;
      const status = !concluded
        ? rand() < 0.5
          ? 'accepted'
          : 'in_mediation'
        : outcome === 'agreed'
          ? 'fulfilled'
          : outcome === 'failed'
            ? 'referred'
            : 'withdrawn';
      cases.push({
        id,
        org_id: orgId,
        reference: `G-${run}-${done + i}`,
        status,
        source: sources[Math.floor(rand() * sources.length)]!,
        category,
        national_category: nationalCategoryOf(category),
        summary: 'synthetic',
        description: '',
        claimed_amount_minor: amount,
        claimed_currency: 'CNY',
        submitted_at: accepted,
        decided_at: accepted,
        accepted_at: accepted,
        mediation_due_at: new Date(dueMs).toISOString(),
        concluded_at: concluded ? new Date(concludedMs).toISOString() : null,
        outcome: concluded ? outcome : null,
        agreed_at: concluded && outcome === 'agreed' ? new Date(concludedMs).toISOString() : null,
        agreed_amount_minor: concluded && outcome === 'agreed' ? amount : null,
        agreed_currency: concluded && outcome === 'agreed' ? 'CNY' : null,
        agreed_amount_cny_minor: concluded && outcome === 'agreed' ? amount : null,
        created_at: accepted,
        updated_at: accepted,
      });
      const paidMs = concludedMs + 10 * DAY;
      if (concluded && outcome === 'agreed' && paidMs < nowMs) {
        pays.push({
          id: randomUUID(),
          org_id: orgId,
          case_id: id,
          amount_minor: amount,
          currency: 'CNY',
          amount_cny_minor: amount,
          fx_rate: '1',
          paid_on: new Date(paidMs).toISOString().slice(0, 10),
          recorded_at: new Date(paidMs).toISOString(),
        });
      }
    }
    if (o.sqlite) {
      insertCases ??= sqliteInserter(o.sqlite, 'cases', Object.keys(cases[0]!));
      insertPayments ??= sqliteInserter(o.sqlite, 'payments', paymentColumns);
      const sqlite = o.sqlite;
      sqlite.transaction(() => {
        insertCases!(cases as Record<string, unknown>[]);
        insertPayments!(pays as Record<string, unknown>[]);
      })();
      payments += pays.length;
      done += n;
      o.onProgress?.(done);
      continue;
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < cases.length; i += rowsPerInsert) {
        await trx
          .insertInto('cases')
          .values(cases.slice(i, i + rowsPerInsert))
          .execute();
      }
      for (let i = 0; i < pays.length; i += rowsPerInsert) {
        await trx
          .insertInto('payments')
          .values(pays.slice(i, i + rowsPerInsert))
          .execute();
      }
    });
    payments += pays.length;
    done += n;
    o.onProgress?.(done);
  }
  return { orgIds, cases: o.cases, payments };
}
