import type { Kysely } from 'kysely';
import { isMediatorAvailableAt } from '../../domain/availability/mediator-availability.js';
import type { Database } from '../../db/schema.js';
import { findMediatorProfile } from '../../db/repositories/mediator-profile-repository.js';
import { loadMediatorAvailabilities } from './load-mediator-availability.js';

/**
 * For session scheduling: whether the mediator is on call or on site for the whole session.
 * Returns the ids of the mediators who are NOT available, so the caller can warn (and let the
 * officer override). No authorisation here: the caller has already checked the case.
 */
export async function findUnavailableMediators(
  db: Kysely<Database>,
  o: { mediatorIds: string[]; startsAt: string; durationMinutes: number },
): Promise<string[]> {
  const out: string[] = [];
  const end = new Date(new Date(o.startsAt).getTime() + o.durationMinutes * 60_000).toISOString();
  for (const id of o.mediatorIds) {
    const m = await findMediatorProfile(db, id);
    if (!m) continue;
    const av = (
      await loadMediatorAvailabilities(db, {
        orgId: m.orgId,
        mediators: [{ id: m.id, timeZone: m.timeZone }],
        from: o.startsAt,
        to: end,
      })
    ).get(m.id)!;
    if (!m.active || !isMediatorAvailableAt(av, o.startsAt, o.durationMinutes)) out.push(id);
  }
  return out;
}
