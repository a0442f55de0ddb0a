// Frozen migration: never edit after it has shipped. It must not import application code.
// A mediator's open cases are counted from the live team rows of open cases (matching reads
// them there); the stored counter drifted because only withdrawal gave cases back, so it goes.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mediator_profiles').dropColumn('open_cases').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('mediator_profiles')
    .addColumn('open_cases', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update mediator_profiles set open_cases = (
      select count(*) from case_team_members t join cases c on c.id = t.case_id
      where t.mediator_id = mediator_profiles.id and t.removed_at is null
        and c.status in ('accepted', 'in_mediation'))`.execute(db);
}
