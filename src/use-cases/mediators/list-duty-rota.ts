import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { staffRoles } from '../../domain/roles.js';
import { listDutyRota as listRows } from '../../db/repositories/mediator-availability-repository.js';
import { requireOrgRole } from '../orgs/require-org-role.js';
import type { UseCaseContext } from '../use-case-context.js';

/** Any staff member of the org may see who is on site (mediators plan around it too). */
export async function listDutyRota(
  ctx: UseCaseContext,
  opts: { actor: Actor; orgId: string; fromDate: string; toDate: string },
) {
  requireOrgRole(opts.actor, opts.orgId, ...staffRoles);
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
