import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { addDays } from '../../domain/clock.js';
import { newId } from '../../domain/new-id.js';
import {
  countDeadlineExtensions,
  findCaseRow,
  insertDeadlineExtension,
  listCaseParties,
  listConsents,
} from '../../db/repositories/case-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { applyCaseTransition } from './apply-case-transition.js';
import { extensionConsentKind } from './record-extension-consent.js';
import { requireCaseRelation } from './require-visible-case.js';

/**
 * Extends the mediation period. The law and the committee's rules allow it only with the
 * recorded consent of every party to this extension; otherwise CONSENT_REQUIRED lists who is
 * missing, and nothing changes.
 */
export async function extendMediationDeadline(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; version: number; days: number; reason: string },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['officer', 'director']);
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const c = (await findCaseRow(trx, opts.caseId))!;
    const seq = (await countDeadlineExtensions(trx, opts.caseId)) + 1;
    const kind = extensionConsentKind(seq);
    const consented = new Set(
      (await listConsents(trx, opts.caseId)).filter((x) => x.kind === kind).map((x) => x.party_id),
    );
    const missing = (await listCaseParties(trx, opts.caseId))
      .filter((p) => !consented.has(p.id))
      .map((p) => p.id);
    const previousDueAt = c.mediation_due_at ?? addDays(c.accepted_at ?? at, 30);
    const newDueAt = addDays(previousDueAt, opts.days);
    // Version and state first: a stale or closed case answers as such, not as missing consent.
    const r = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'extend_deadline',
      expectedVersion: opts.version,
      actor: opts.actor,
      at,
      patch: { mediation_due_at: newDueAt },
      summary: { previousDueAt, newDueAt, reason: opts.reason, extension: seq },
    });
    if (missing.length) {
      throw new AppError('CONSENT_REQUIRED', {
        params: { count: missing.length },
        details: { missingPartyIds: missing },
      });
    }
    await insertDeadlineExtension(trx, {
      id: newId(),
      orgId: r.orgId,
      caseId: opts.caseId,
      seq,
      previousDueAt,
      newDueAt,
      reason: opts.reason,
      by: opts.actor.userId,
      at,
    });
    return { ...r, mediationDueAt: newDueAt };
  });
}
