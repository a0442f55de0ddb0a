import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { isAcceptanceLate } from '../../domain/suggest-confirmation-court.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { updateCourtFilingFromStatus } from '../../db/repositories/court-filing-repository.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireFilingStatus, requireLiaisonFiling } from './require-liaison-filing.js';

/**
 * The court's liaison records that the court accepted the filing, with the court's case number
 * (调确字 for a confirmation). The court should decide within 3 days; a later acceptance is
 * still recorded, and flagged as late. The filing's status is the concurrency guard here: the
 * case itself does not change state (a referred case is closed for the committee).
 */
export async function recordCourtAcceptance(
  ctx: UseCaseContext,
  opts: { actor: Actor; filingId: string; courtCaseNumber: string; acceptedAt?: string },
) {
  const now = isoNow(ctx.clock);
  const acceptedAt = opts.acceptedAt ? new Date(opts.acceptedAt).toISOString() : now;
  return ctx.db.transaction().execute(async (trx) => {
    const f = await requireLiaisonFiling(trx, opts.actor, opts.filingId);
    requireFilingStatus(f, 'filed');
    if (acceptedAt < f.filed_at || acceptedAt > now)
      throw new AppError('VALIDATION_FAILED', { field: 'acceptedAt' });
    const late = isAcceptanceLate(f.filed_at, acceptedAt);
    const ok = await updateCourtFilingFromStatus(trx, f.id, 'filed', {
      status: 'accepted',
      accepted_at: acceptedAt,
      court_case_number: opts.courtCaseNumber,
    });
    if (!ok) throw new AppError('VERSION_CONFLICT');
    await appendAuditEvent(trx, {
      orgId: f.org_id,
      caseId: f.case_id,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'court_filing.accepted',
      entityType: 'court_filing',
      entityId: f.id,
      summary: {
        kind: f.kind,
        before: { status: 'filed' },
        after: { status: 'accepted' },
        courtCaseNumber: opts.courtCaseNumber,
        acceptedAt,
        late,
      },
      at: now,
    });
    if (f.kind === 'confirmation') {
      await emitCaseEvent(trx, {
        orgId: f.org_id,
        caseId: f.case_id,
        event: 'confirmation.accepted',
        params: { filingId: f.id, late },
        at: now,
        dedupeKey: f.id,
      });
    }
    return { filingId: f.id, status: 'accepted', acceptedAt, acceptedLate: late };
  });
}
