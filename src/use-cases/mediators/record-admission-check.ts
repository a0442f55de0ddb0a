import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  findAdmissionEvidenceDocuments,
  upsertAdmissionCheck,
} from '../../db/repositories/mediator-admission-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { buildAdmissionChecklist, type recordedAdmissionItems } from './admission-checklist.js';
import { requireAccessibleMediator } from './require-roster-access.js';

/**
 * An officer marks one admission item passed or failed, citing the evidence documents
 * (documents of kind 'admission_evidence' in the same org). Passing needs evidence.
 */
export async function recordAdmissionCheck(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    mediatorId: string;
    item: (typeof recordedAdmissionItems)[number];
    status: 'passed' | 'failed';
    note?: string | null;
    documentIds: string[];
  },
) {
  const m = await requireAccessibleMediator(ctx.db, opts.actor, opts.mediatorId, {
    allowSelf: false,
  });
  const ids = [...new Set(opts.documentIds)];
  const docs = await findAdmissionEvidenceDocuments(ctx.db, { orgId: m.orgId, ids });
  ids.forEach((id, i) => {
    if (!docs.some((d) => d.id === id)) {
      throw new AppError('VALIDATION_FAILED', { field: `documentIds.${i}` });
    }
  });
  if (opts.status === 'passed' && ids.length === 0) {
    throw new AppError('VALIDATION_FAILED', { field: 'documentIds' });
  }
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await upsertAdmissionCheck(trx, {
      orgId: m.orgId,
      mediatorId: m.id,
      item: opts.item,
      status: opts.status,
      note: opts.note ?? null,
      documentIds: ids,
      checkedBy: opts.actor.userId,
      at,
    });
    await appendAuditEvent(trx, {
      orgId: m.orgId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'mediator.admission_checked',
      entityType: 'mediator_profile',
      entityId: m.id,
      summary: { after: { item: opts.item, status: opts.status, documentIds: ids } },
      at,
    });
  });
  return buildAdmissionChecklist(ctx.db, m);
}
