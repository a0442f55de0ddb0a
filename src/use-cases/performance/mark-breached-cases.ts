import type { Actor } from '../../domain/authorize-case-access.js';
import { AppError } from '../../domain/app-error.js';
import { isoNow } from '../../domain/clock.js';
import {
  BREACH_GRACE_DAYS,
  breachCutoffFor,
  DEFAULT_COMMITTEE_TIME_ZONE,
  latestDateAt,
  localDateOf,
} from '../../domain/performance-rules.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import {
  listOverdueInstalments,
  updateInstalment,
} from '../../db/repositories/performance-repository.js';
import { listOrgTimeZones } from '../../db/repositories/org-time-zone-repository.js';
import { applyCaseTransition } from '../cases/apply-case-transition.js';
import { requireOwnOrgsWithRole } from '../orgs/require-org-role.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * Marks breached every agreed or performing case with an instalment still unpaid more than
 * BREACH_GRACE_DAYS after its due date, and marks those instalments missed. Meant for the
 * scheduler (no actor; all organisations) and for an officer (their organisations only).
 * Each case is its own transaction, so one case that changed meanwhile (VERSION_CONFLICT) is
 * skipped and picked up by the next pass without holding back the others. Idempotent.
 * "Today" is each committee's own calendar day, in its organisation's time zone (Asia/Shanghai
 * for Yiwu): a server in another zone, or a pass just after midnight UTC, must not breach a
 * case a day early or late.
 */
export async function markBreachedCases(
  ctx: UseCaseContext,
  opts: { actor?: Actor } = {},
): Promise<{ breachedCaseIds: string[]; skippedCaseIds: string[] }> {
  const at = isoNow(ctx.clock);
  const orgIds = opts.actor ? requireOwnOrgsWithRole(opts.actor, 'officer', 'director') : undefined;
  const candidates = await listOverdueInstalments(
    ctx.db,
    breachCutoffFor(latestDateAt(at)),
    orgIds,
  );
  const zones = await listOrgTimeZones(
    ctx.db,
    candidates.map((i) => i.org_id),
  );
  const todayOf = (orgId: string) =>
    localDateOf(at, zones.get(orgId) ?? DEFAULT_COMMITTEE_TIME_ZONE);
  const overdue = candidates.filter((i) => i.due_on <= breachCutoffFor(todayOf(i.org_id)));
  const byCase = new Map<string, typeof overdue>();
  for (const i of overdue) byCase.set(i.case_id, [...(byCase.get(i.case_id) ?? []), i]);
  const breachedCaseIds: string[] = [];
  const skippedCaseIds: string[] = [];
  for (const [caseId, instalments] of byCase) {
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const t = await applyCaseTransition(trx, {
          caseId,
          action: 'breach',
          expectedVersion: instalments[0]!.version,
          actor: opts.actor ?? null,
          actorLabel: 'scheduler',
          at,
          summary: {
            graceDays: BREACH_GRACE_DAYS,
            committeeToday: todayOf(instalments[0]!.org_id),
            missed: instalments.map((i) => ({ seq: i.seq, dueOn: i.due_on })),
          },
        });
        for (const i of instalments) {
          await updateInstalment(trx, i.id, { status: 'missed' });
          await emitCaseEvent(trx, {
            orgId: t.orgId,
            caseId,
            event: 'instalment.missed',
            params: { instalmentId: i.id, seq: i.seq, dueOn: i.due_on },
            at,
            dedupeKey: i.id,
          });
        }
      });
      breachedCaseIds.push(caseId);
    } catch (e) {
      if (
        e instanceof AppError &&
        (e.code === 'VERSION_CONFLICT' || e.code === 'INVALID_TRANSITION')
      )
        skippedCaseIds.push(caseId);
      else throw e;
    }
  }
  return { breachedCaseIds, skippedCaseIds };
}
