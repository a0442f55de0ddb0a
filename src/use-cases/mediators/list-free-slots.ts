import { DateTime } from 'luxon';
import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import {
  listAvailableSlots,
  subtractBusy,
} from '../../domain/availability/mediator-availability.js';
import { findBusyIntervals } from '../../db/repositories/mediator-availability-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { loadMediatorAvailabilities } from './load-mediator-availability.js';
import { requireAccessibleMediator } from './require-roster-access.js';

export const MAX_AVAILABILITY_RANGE_DAYS = 62;

/** A bound given as a date is a whole local day in the mediator's zone; an instant is exact. */
function toInstant(value: string, zone: string, endOfDay: boolean, field: string): DateTime {
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const dt = isDate
    ? DateTime.fromISO(value, { zone }).plus({ days: endOfDay ? 1 : 0 })
    : DateTime.fromISO(value, { setZone: true });
  if (!dt.isValid) throw new AppError('VALIDATION_FAILED', { field });
  return dt.toUTC();
}

/** Free slots: on call or on site, minus leave and travel, minus sessions already scheduled. */
export async function listFreeSlots(
  ctx: UseCaseContext,
  opts: { actor: Actor; mediatorId: string; from: string; to: string },
) {
  const m = await requireAccessibleMediator(ctx.db, opts.actor, opts.mediatorId, {
    allowSelf: true,
  });
  const from = toInstant(opts.from, m.timeZone, false, 'from');
  const to = toInstant(opts.to, m.timeZone, true, 'to');
  if (to <= from) throw new AppError('VALIDATION_FAILED', { field: 'to' });
  if (to.diff(from, 'days').days > MAX_AVAILABILITY_RANGE_DAYS) {
    throw new AppError('VALIDATION_FAILED', { field: 'to' });
  }
  const fromIso = from.toISO()!;
  const toIso = to.toISO()!;
  const availability = (
    await loadMediatorAvailabilities(ctx.db, {
      orgId: m.orgId,
      mediators: [{ id: m.id, timeZone: m.timeZone }],
      from: fromIso,
      to: toIso,
    })
  ).get(m.id)!;
  const busy = await findBusyIntervals(ctx.db, { mediatorId: m.id, from: fromIso, to: toIso });
  const slots = subtractBusy(listAvailableSlots(availability, fromIso, toIso), busy);
  return {
    mediatorId: m.id,
    timeZone: m.timeZone,
    from: fromIso,
    to: toIso,
    weekly: availability.weekly,
    exceptions: availability.exceptions,
    slots: slots.map((s) => ({
      ...s,
      localStart: DateTime.fromISO(s.start)
        .setZone(m.timeZone)
        .toISO({ suppressMilliseconds: true }),
      localEnd: DateTime.fromISO(s.end).setZone(m.timeZone).toISO({ suppressMilliseconds: true }),
    })),
  };
}
