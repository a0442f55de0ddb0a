import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { newId } from '../../domain/new-id.js';
import type {
  AvailabilityException,
  WeeklySlot,
} from '../../domain/availability/mediator-availability.js';

export async function replaceWeeklyAvailability(
  trx: Kysely<Database>,
  o: { orgId: string; mediatorId: string; slots: WeeklySlot[] },
): Promise<void> {
  await trx
    .deleteFrom('mediator_weekly_availability')
    .where('mediator_id', '=', o.mediatorId)
    .execute();
  if (o.slots.length === 0) return;
  await trx
    .insertInto('mediator_weekly_availability')
    .values(
      o.slots.map((s) => ({
        id: newId(),
        org_id: o.orgId,
        mediator_id: o.mediatorId,
        weekday: s.weekday,
        start_time: s.start,
        end_time: s.end,
      })),
    )
    .execute();
}

export async function insertAvailabilityException(
  trx: Kysely<Database>,
  o: AvailabilityException & {
    id: string;
    orgId: string;
    mediatorId: string;
    note: string | null;
    at: string;
  },
): Promise<void> {
  await trx
    .insertInto('mediator_availability_exceptions')
    .values({
      id: o.id,
      org_id: o.orgId,
      mediator_id: o.mediatorId,
      kind: o.kind,
      starts_on: o.startsOn,
      ends_on: o.endsOn,
      note: o.note,
      created_at: o.at,
    })
    .execute();
}

/** Deletes the exception if it belongs to the mediator; returns whether it did. */
export async function deleteAvailabilityException(
  trx: Kysely<Database>,
  o: { mediatorId: string; exceptionId: string },
): Promise<boolean> {
  const r = await trx
    .deleteFrom('mediator_availability_exceptions')
    .where('id', '=', o.exceptionId)
    .where('mediator_id', '=', o.mediatorId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export interface StoredAvailability {
  weekly: WeeklySlot[];
  exceptions: (AvailabilityException & { id: string; note: string | null })[];
  dutyDays: string[];
}

/**
 * Patterns, exceptions overlapping [fromDate, toDate] and duty days in that range, for each
 * mediator (a missing mediator gets empty lists). Dates are compared as YYYY-MM-DD text.
 */
export async function loadAvailability(
  db: Kysely<Database>,
  mediatorIds: string[],
  fromDate: string,
  toDate: string,
): Promise<Map<string, StoredAvailability>> {
  const out = new Map<string, StoredAvailability>();
  for (const id of mediatorIds) out.set(id, { weekly: [], exceptions: [], dutyDays: [] });
  for (let i = 0; i < mediatorIds.length; i += 500) {
    const ids = mediatorIds.slice(i, i + 500);
    const [weekly, exceptions, duty] = await Promise.all([
      db
        .selectFrom('mediator_weekly_availability')
        .select(['mediator_id', 'weekday', 'start_time', 'end_time'])
        .where('mediator_id', 'in', ids)
        .orderBy('weekday')
        .orderBy('start_time')
        .execute(),
      db
        .selectFrom('mediator_availability_exceptions')
        .select(['id', 'mediator_id', 'kind', 'starts_on', 'ends_on', 'note'])
        .where('mediator_id', 'in', ids)
        .where('ends_on', '>=', fromDate)
        .where('starts_on', '<=', toDate)
        .orderBy('starts_on')
        .execute(),
      db
        .selectFrom('duty_rota')
        .select(['mediator_id', 'on_date'])
        .where('mediator_id', 'in', ids)
        .where('on_date', '>=', fromDate)
        .where('on_date', '<=', toDate)
        .orderBy('on_date')
        .execute(),
    ]);
    for (const w of weekly) {
      out
        .get(w.mediator_id)!
        .weekly.push({ weekday: w.weekday, start: w.start_time, end: w.end_time });
    }
    for (const e of exceptions) {
      out.get(e.mediator_id)!.exceptions.push({
        id: e.id,
        kind: e.kind,
        startsOn: e.starts_on,
        endsOn: e.ends_on,
        note: e.note,
      });
    }
    for (const d of duty) out.get(d.mediator_id)!.dutyDays.push(d.on_date);
  }
  return out;
}

/** Scheduled sessions of the cases the mediator is on, overlapping [from, to). */
export async function findBusyIntervals(
  db: Kysely<Database>,
  o: { mediatorId: string; from: string; to: string },
): Promise<{ start: string; end: string }[]> {
  // A session lasts at most a day, so starting a day early catches every overlap.
  const earliest = new Date(new Date(o.from).getTime() - 86_400_000).toISOString();
  const rows = await db
    .selectFrom('mediation_sessions as s')
    .innerJoin('case_team_members as t', 't.case_id', 's.case_id')
    .select(['s.starts_at', 's.duration_minutes'])
    .where('t.mediator_id', '=', o.mediatorId)
    .where('t.removed_at', 'is', null)
    .where('s.status', '=', 'scheduled')
    .where('s.starts_at', '>=', earliest)
    .where('s.starts_at', '<', o.to)
    .execute();
  return rows
    .map((r) => {
      const start = new Date(r.starts_at);
      return {
        start: start.toISOString(),
        end: new Date(start.getTime() + r.duration_minutes * 60_000).toISOString(),
      };
    })
    .filter((b) => b.end > o.from);
}

export async function replaceDutyRotaDay(
  trx: Kysely<Database>,
  o: { orgId: string; onDate: string; mediatorIds: string[]; at: string },
): Promise<void> {
  await trx
    .deleteFrom('duty_rota')
    .where('org_id', '=', o.orgId)
    .where('on_date', '=', o.onDate)
    .execute();
  if (o.mediatorIds.length === 0) return;
  await trx
    .insertInto('duty_rota')
    .values(
      o.mediatorIds.map((m) => ({
        id: newId(),
        org_id: o.orgId,
        on_date: o.onDate,
        mediator_id: m,
        created_at: o.at,
      })),
    )
    .execute();
}

export async function listDutyRota(
  db: Kysely<Database>,
  o: { orgId: string; fromDate: string; toDate: string },
): Promise<{ onDate: string; mediatorId: string; displayName: string; kind: string }[]> {
  const rows = await db
    .selectFrom('duty_rota as d')
    .innerJoin('mediator_profiles as m', 'm.id', 'd.mediator_id')
    .select(['d.on_date', 'd.mediator_id', 'm.display_name', 'm.kind'])
    .where('d.org_id', '=', o.orgId)
    .where('d.on_date', '>=', o.fromDate)
    .where('d.on_date', '<=', o.toDate)
    .orderBy('d.on_date')
    .orderBy('m.display_name')
    .execute();
  return rows.map((r) => ({
    onDate: r.on_date,
    mediatorId: r.mediator_id,
    displayName: r.display_name,
    kind: r.kind,
  }));
}
