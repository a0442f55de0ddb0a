import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { MediatorAvailability } from '../../domain/availability/mediator-availability.js';
import type { Database } from '../../db/schema.js';
import { loadAvailability } from '../../db/repositories/mediator-availability-repository.js';
import { findOrgSettings } from '../../db/repositories/org-settings-repository.js';

/**
 * The availability facts of several mediators (same org) for [from, to), ready for the pure
 * functions of src/domain/availability. Dates are widened by a day on each side so that every
 * time zone's local days are covered.
 */
export async function loadMediatorAvailabilities(
  db: Kysely<Database>,
  o: { orgId: string; mediators: { id: string; timeZone: string }[]; from: string; to: string },
): Promise<Map<string, MediatorAvailability>> {
  const org = await findOrgSettings(db, o.orgId);
  const fromDate = DateTime.fromISO(o.from, { zone: 'utc' }).minus({ days: 1 }).toISODate()!;
  const toDate = DateTime.fromISO(o.to, { zone: 'utc' }).plus({ days: 1 }).toISODate()!;
  const stored = await loadAvailability(
    db,
    o.mediators.map((m) => m.id),
    fromDate,
    toDate,
  );
  const out = new Map<string, MediatorAvailability>();
  for (const m of o.mediators) {
    const s = stored.get(m.id)!;
    out.set(m.id, {
      timeZone: m.timeZone,
      weekly: s.weekly,
      exceptions: s.exceptions,
      dutyDays: s.dutyDays,
      orgTimeZone: org?.timeZone ?? 'Asia/Shanghai',
    });
  }
  return out;
}
