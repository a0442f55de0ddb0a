// Frozen migration: the roster around mediator_profiles (availability, duty rota, declared
// relationships, admission checks). It must not import application code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Weekly on-call pattern in the mediator's own time zone: weekday 1 (Monday) … 7 (Sunday),
  // local wall-clock times 'HH:mm', so that a daylight-saving switch moves the UTC instants.
  await db.schema
    .createTable('mediator_weekly_availability')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediator_profiles.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mediator_weekly_availability_mediator_idx')
    .on('mediator_weekly_availability')
    .column('mediator_id')
    .execute();

  // Dated exceptions (leave, travel): whole local days, inclusive, in the mediator's time zone.
  await db.schema
    .createTable('mediator_availability_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediator_profiles.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // leave | travel | other
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mediator_availability_exceptions_idx')
    .on('mediator_availability_exceptions')
    .columns(['mediator_id', 'ends_on'])
    .execute();

  // Duty rota: which mediator is on site on which (org-local) day.
  await db.schema
    .createTable('duty_rota')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediator_profiles.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('duty_rota_uq', ['org_id', 'on_date', 'mediator_id'])
    .execute();
  await db.schema
    .createIndex('duty_rota_mediator_idx')
    .on('duty_rota')
    .columns(['mediator_id', 'on_date'])
    .execute();

  // Declared relationships with companies and persons; name_key is the normalised name that
  // conflict checks compare with the parties' names.
  await db.schema
    .createTable('mediator_relationships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediator_profiles.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // company | person
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull()) // employee | owner | relative | client | other ...
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mediator_relationships_name_idx')
    .on('mediator_relationships')
    .columns(['org_id', 'name_key'])
    .execute();
  await db.schema
    .createIndex('mediator_relationships_mediator_idx')
    .on('mediator_relationships')
    .column('mediator_id')
    .execute();

  // Admission checklist of foreign mediators: one row per (mediator, item).
  await db.schema
    .createTable('mediator_admission_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('mediator_id', 'text', (c) => c.notNull().references('mediator_profiles.id'))
    .addColumn('item', 'text', (c) => c.notNull()) // china_company | tax_records | clean_record
    .addColumn('status', 'text', (c) => c.notNull()) // passed | failed
    .addColumn('note', 'text')
    .addColumn('document_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('checked_by', 'text')
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mediator_admission_checks_uq', ['mediator_id', 'item'])
    .execute();

  // The bounded fallback of matching (no language matched) reads the least recently assigned
  // mediators of a kind straight from this index instead of sorting the roster.
  await db.schema
    .createIndex('mediator_profiles_fallback_idx')
    .on('mediator_profiles')
    .columns(['org_id', 'kind', 'active', 'last_assigned_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('mediator_profiles_fallback_idx').execute();
  for (const t of [
    'mediator_admission_checks',
    'mediator_relationships',
    'duty_rota',
    'mediator_availability_exceptions',
    'mediator_weekly_availability',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
