import { AppError } from '../../domain/app-error.js';
import { isStaffOf, type Actor } from '../../domain/authorize-case-access.js';
import { listDutyRota as listRows } from '../../db/repositories/mediator-availability-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

/** Any staff member of the org may see who is on site (mediators plan around it too). */
export async function listDutyRota(
  ctx: UseCaseContext,
  opts: { actor: Actor; orgId: string; fromDate: string; toDate: string },
) {
  if (!isStaffOf(opts.actor, opts.orgId)) throw new AppError('NOT_FOUND');
  if (opts.toDate < opts.fromDate) throw new AppError('VALIDATION_FAILED', { field: 'to' });
  const rows = await listRows(ctx.db, opts);
  const days = new Map<string, { mediatorId: string; displayName: string; kind: string }[]>();
  for (const r of rows) {
    const list = days.get(r.onDate) ?? [];
    list.push({ mediatorId: r.mediatorId, displayName: r.displayName, kind: r.kind });
    days.set(r.onDate, list);
  }
  return { days: [...days.entries()].map(([onDate, onSite]) => ({ onDate, onSite })) };
}
