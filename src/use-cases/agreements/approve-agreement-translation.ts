import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { approveAgreementTranslation as approveRow } from '../../db/repositories/agreement-translation-repository.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireAgreementStatus, requireCaseAgreement } from './require-case-agreement.js';

/**
 * A named person of the team approves a machine translation of one section or point: only
 * then does it count as a text the party can read. The text itself is unchanged (and so is the
 * hash); the approval is recorded and audited.
 */
export async function approveAgreementTranslation(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; agreementId: string; section: string; language: string },
) {
  const c = await requireCaseRelation(ctx.db, opts.actor, opts.caseId, [
    'director',
    'officer',
    'mediator',
  ]);
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const a = await requireCaseAgreement(trx, opts.caseId, opts.agreementId);
    requireAgreementStatus(a, 'draft', 'final');
    const done = await approveRow(trx, {
      agreementId: a.id,
      section: opts.section,
      language: opts.language,
      userId: opts.actor.userId,
      name: opts.actor.displayName,
      at,
    });
    if (!done) throw new AppError('NOT_FOUND');
    await appendAuditEvent(trx, {
      orgId: c.orgId,
      caseId: opts.caseId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'translation.machine_approved',
      entityType: 'agreement',
      entityId: a.id,
      summary: { section: opts.section, language: opts.language },
      at,
    });
    return { section: opts.section, language: opts.language, approvedAt: at };
  });
}
