import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function findUserPreferences(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('users')
    .select(['locale', 'time_zone', 'email_preferences_json'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function updateUserPreferences(
  db: Kysely<Database>,
  o: { userId: string; locale: string; timeZone: string; emailPreferencesJson: string; at: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      locale: o.locale,
      time_zone: o.timeZone,
      email_preferences_json: o.emailPreferencesJson,
      updated_at: o.at,
    })
    .where('id', '=', o.userId)
    .execute();
}
