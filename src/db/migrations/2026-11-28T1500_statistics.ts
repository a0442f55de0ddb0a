// Frozen migration: never edit after it has shipped; it must not import application code.
//
// Statistics roll-ups (docs/decisions/0007-statistics-rollups.md). Database triggers on
// `cases` and `payments` keep them in step with the raw rows in the same transaction as the
// change, whoever writes the row (use case, seed, bulk generator, manual SQL). Days are the
// UTC calendar day of the stored instant (the first 10 characters of the ISO text).
//
//   stats_daily        (org, day, category, source)  → accepted, concluded, succeeded,
//                                                      agreed CNY fen, recovered CNY fen
//   stats_monthly      (month, category, source)     → the same, all organisations together,
//                                                      so a whole-country range reads a few
//                                                      thousand rows whatever the case count
//   stats_durations    (org, day, days)              → cases concluded that day, by days
//                                                      from acceptance (for the median)
//   stats_durations_monthly (month, days)            → the same for all organisations
//   stats_status       (org, status)                 → current number of cases per status
//   stats_due          (org, due day)                → cases under mediation by deadline day,
//                                                      so "overdue now" is a sum over past days
import type { CreateTableBuilder, Kysely } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';

type Row = 'NEW' | 'OLD';

// Asked of the adapter, not by probing with a query: a failed probe would abort the
// migration's transaction on PostgreSQL.
const engineOf = (db: Kysely<any>): Engine =>
  db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
type Engine = 'sqlite' | 'postgres';

const figureCols = [
  'accepted',
  'concluded',
  'succeeded',
  'agreed_cny_minor',
  'recovered_cny_minor',
];

function daysBetween(engine: Engine, from: string, to: string): string {
  return engine === 'postgres'
    ? `(substr(${to}, 1, 10)::date - substr(${from}, 1, 10)::date)`
    : `CAST(julianday(substr(${to}, 1, 10)) - julianday(substr(${from}, 1, 10)) AS INTEGER)`;
}

/** Upserts one contribution of a row into the daily (per org) and monthly (national) tables. */
function figureUpserts(o: {
  org: string;
  day: string;
  category: string;
  national: string;
  source: string;
  values: Partial<Record<(typeof figureCols)[number], string>>;
  from?: string;
  where: string;
}): string[] {
  const vals = figureCols.map((c) => o.values[c] ?? '0');
  const set = (t: string) => figureCols.map((c) => `${c} = ${t}.${c} + excluded.${c}`).join(', ');
  const from = o.from ? ` FROM ${o.from}` : '';
  return [
    `INSERT INTO stats_daily (org_id, day, category, national_category, source, ${figureCols.join(', ')})
     SELECT ${o.org}, substr(${o.day}, 1, 10), ${o.category}, ${o.national}, ${o.source}, ${vals.join(', ')}${from}
     WHERE ${o.where}
     ON CONFLICT (org_id, day, category, source) DO UPDATE SET ${set('stats_daily')};`,
    `INSERT INTO stats_monthly (month, category, national_category, source, ${figureCols.join(', ')})
     SELECT substr(${o.day}, 1, 7), ${o.category}, ${o.national}, ${o.source}, ${vals.join(', ')}${from}
     WHERE ${o.where}
     ON CONFLICT (month, category, source) DO UPDATE SET ${set('stats_monthly')};`,
  ];
}

function caseContributions(engine: Engine, r: Row, sign: 1 | -1): string[] {
  const s = String(sign);
  const common = {
    org: `${r}.org_id`,
    category: `${r}.category`,
    national: `${r}.national_category`,
    source: `${r}.source`,
  };
  const concludedWhere = `${r}.concluded_at IS NOT NULL AND ${r}.outcome IN ('agreed', 'failed')`;
  const days = daysBetween(engine, `${r}.accepted_at`, `${r}.concluded_at`);
  return [
    ...figureUpserts({
      ...common,
      day: `${r}.accepted_at`,
      values: { accepted: s },
      where: `${r}.accepted_at IS NOT NULL`,
    }),
    ...figureUpserts({
      ...common,
      day: `${r}.concluded_at`,
      values: {
        concluded: s,
        succeeded: `(CASE WHEN ${r}.outcome = 'agreed' THEN ${s} ELSE 0 END)`,
      },
      where: concludedWhere,
    }),
    ...figureUpserts({
      ...common,
      day: `${r}.agreed_at`,
      values: { agreed_cny_minor: `${s} * ${r}.agreed_amount_cny_minor` },
      where: `${r}.outcome = 'agreed' AND ${r}.agreed_at IS NOT NULL AND ${r}.agreed_amount_cny_minor IS NOT NULL`,
    }),
    `INSERT INTO stats_durations (org_id, day, days, n)
     SELECT ${r}.org_id, substr(${r}.concluded_at, 1, 10), ${days}, ${s}
     WHERE ${concludedWhere} AND ${r}.accepted_at IS NOT NULL
     ON CONFLICT (org_id, day, days) DO UPDATE SET n = stats_durations.n + excluded.n;`,
    `INSERT INTO stats_durations_monthly (month, days, n)
     SELECT substr(${r}.concluded_at, 1, 7), ${days}, ${s}
     WHERE ${concludedWhere} AND ${r}.accepted_at IS NOT NULL
     ON CONFLICT (month, days) DO UPDATE SET n = stats_durations_monthly.n + excluded.n;`,
    `INSERT INTO stats_due (org_id, day, n)
     SELECT ${r}.org_id, substr(${r}.mediation_due_at, 1, 10), ${s}
     WHERE ${r}.status IN ('accepted', 'in_mediation') AND ${r}.mediation_due_at IS NOT NULL
     ON CONFLICT (org_id, day) DO UPDATE SET n = stats_due.n + excluded.n;`,
    `INSERT INTO stats_status (org_id, status, n) SELECT ${r}.org_id, ${r}.status, ${s} WHERE 1 = 1
     ON CONFLICT (org_id, status) DO UPDATE SET n = stats_status.n + excluded.n;`,
  ];
}

/** A payment counts as recovered under its case's category and source. */
function paymentContribution(r: Row, sign: 1 | -1): string[] {
  return figureUpserts({
    org: `${r}.org_id`,
    day: `${r}.paid_on`,
    category: 'c.category',
    national: 'c.national_category',
    source: 'c.source',
    values: { recovered_cny_minor: `${sign} * ${r}.amount_cny_minor` },
    from: 'cases c',
    where: `c.id = ${r}.case_id`,
  });
}

/** When a case changes category or source, its payments move with it. */
function movePayments(r: Row, sign: 1 | -1, caseRow: Row): string[] {
  return figureUpserts({
    org: 'p.org_id',
    day: 'p.paid_on',
    category: `${caseRow}.category`,
    national: `${caseRow}.national_category`,
    source: `${caseRow}.source`,
    values: { recovered_cny_minor: `${sign} * p.amount_cny_minor` },
    from: 'payments p',
    where: `p.case_id = ${r}.id AND (OLD.category <> NEW.category OR OLD.source <> NEW.source OR OLD.national_category <> NEW.national_category)`,
  });
}

const watchedCaseColumns = [
  'org_id',
  'status',
  'category',
  'national_category',
  'source',
  'accepted_at',
  'concluded_at',
  'outcome',
  'agreed_at',
  'agreed_amount_cny_minor',
  'mediation_due_at',
];

async function createTriggers(db: Kysely<any>, engine: Engine): Promise<void> {
  const raw = (q: string) => sql.raw(q).execute(db);
  const caseUpdate = [
    ...caseContributions(engine, 'OLD', -1),
    ...movePayments('OLD', -1, 'OLD'),
    ...caseContributions(engine, 'NEW', 1),
    ...movePayments('NEW', 1, 'NEW'),
  ];
  if (engine === 'postgres') {
    await raw(`CREATE FUNCTION stats_cases_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${caseContributions(engine, 'NEW', 1).join('\n    ')}
  ELSIF TG_OP = 'UPDATE' THEN
    ${caseUpdate.join('\n    ')}
  ELSE
    ${caseContributions(engine, 'OLD', -1).join('\n    ')}
  END IF;
  RETURN NULL;
END $$`);
    await raw(`CREATE TRIGGER stats_cases AFTER INSERT OR DELETE OR UPDATE OF ${watchedCaseColumns.join(', ')}
      ON cases FOR EACH ROW EXECUTE FUNCTION stats_cases_trg()`);
    await raw(`CREATE FUNCTION stats_payments_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    ${paymentContribution('OLD', -1).join('\n    ')}
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    ${paymentContribution('NEW', 1).join('\n    ')}
  END IF;
  RETURN NULL;
END $$`);
    await raw(`CREATE TRIGGER stats_payments AFTER INSERT OR DELETE OR UPDATE
      ON payments FOR EACH ROW EXECUTE FUNCTION stats_payments_trg()`);
    return;
  }
  const trigger = (name: string, when: string, body: string[]) =>
    raw(`CREATE TRIGGER ${name} ${when} FOR EACH ROW BEGIN\n${body.join('\n')}\nEND`);
  await trigger('stats_cases_insert', 'AFTER INSERT ON cases', caseContributions(engine, 'NEW', 1));
  await trigger(
    'stats_cases_update',
    `AFTER UPDATE OF ${watchedCaseColumns.join(', ')} ON cases`,
    caseUpdate,
  );
  await trigger(
    'stats_cases_delete',
    'AFTER DELETE ON cases',
    caseContributions(engine, 'OLD', -1),
  );
  await trigger('stats_payments_insert', 'AFTER INSERT ON payments', paymentContribution('NEW', 1));
  await trigger('stats_payments_update', 'AFTER UPDATE ON payments', [
    ...paymentContribution('OLD', -1),
    ...paymentContribution('NEW', 1),
  ]);
  await trigger(
    'stats_payments_delete',
    'AFTER DELETE ON payments',
    paymentContribution('OLD', -1),
  );
}

export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);

  const figures = (t: CreateTableBuilder<string, any>): CreateTableBuilder<string, any> =>
    t
      .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('concluded', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('succeeded', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('agreed_cny_minor', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('recovered_cny_minor', 'bigint', (c) => c.notNull().defaultTo(0));

  await figures(
    db.schema
      .createTable('stats_daily')
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('national_category', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('stats_daily_pk', ['org_id', 'day', 'category', 'source'])
    .execute();
  await db.schema.createIndex('stats_daily_day_idx').on('stats_daily').column('day').execute();

  await figures(
    db.schema
      .createTable('stats_monthly')
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('national_category', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('stats_monthly_pk', ['month', 'category', 'source'])
    .execute();

  await db.schema
    .createTable('stats_durations')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_durations_pk', ['org_id', 'day', 'days'])
    .execute();
  await db.schema
    .createIndex('stats_durations_day_idx')
    .on('stats_durations')
    .column('day')
    .execute();

  await db.schema
    .createTable('stats_durations_monthly')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_durations_monthly_pk', ['month', 'days'])
    .execute();

  await db.schema
    .createTable('stats_status')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_status_pk', ['org_id', 'status'])
    .execute();

  await db.schema
    .createTable('stats_due')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_due_pk', ['org_id', 'day'])
    .execute();

  // Cases due today: the only ones the roll-up cannot answer by whole days.
  await db.schema
    .createIndex('cases_status_due_idx')
    .on('cases')
    .columns(['status', 'mediation_due_at'])
    .execute();
  await db.schema.createIndex('payments_paid_idx').on('payments').column('paid_on').execute();

  await createTriggers(db, engine);
}

export async function down(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  if (engine === 'postgres') {
    await sql.raw('DROP TRIGGER stats_cases ON cases').execute(db);
    await sql.raw('DROP TRIGGER stats_payments ON payments').execute(db);
    await sql.raw('DROP FUNCTION stats_cases_trg()').execute(db);
    await sql.raw('DROP FUNCTION stats_payments_trg()').execute(db);
  } else {
    for (const t of [
      'stats_cases_insert',
      'stats_cases_update',
      'stats_cases_delete',
      'stats_payments_insert',
      'stats_payments_update',
      'stats_payments_delete',
    ])
      await sql.raw(`DROP TRIGGER ${t}`).execute(db);
  }
  await db.schema.dropIndex('payments_paid_idx').execute();
  await db.schema.dropIndex('cases_status_due_idx').execute();
  for (const t of [
    'stats_due',
    'stats_status',
    'stats_durations_monthly',
    'stats_durations',
    'stats_monthly',
    'stats_daily',
  ])
    await db.schema.dropTable(t).execute();
}
