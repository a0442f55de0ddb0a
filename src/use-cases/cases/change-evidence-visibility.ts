import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { canSeeCaseDocument, type DocumentVisibility } from '../../domain/document-visibility.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  findCaseDocument,
  updateDocumentVisibility,
} from '../../db/repositories/document-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { presentDocument } from './list-evidence.js';
import { requireThreadAccess } from './require-thread-access.js';
import { EVIDENCE_KIND } from './upload-evidence.js';

/**
 * Staff change who sees a piece of evidence after its upload: the committee's officers and
 * director to any level, the case's mediators between the team and everyone (a file kept to the
 * committee is not theirs to see, let alone to open up). Parties cannot. Audited with the
 * before and after and an optional reason.
 *
 * A file shared in a private caucus stays in it: its channel never changes here, and its level
 * stays `all` (that side reads it, as upload-evidence requires), so it cannot be widened to the
 * other side nor quietly taken from the side that shared it.
 */
export async function changeEvidenceVisibility(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    documentId: string;
    visibility: DocumentVisibility;
    reason: string | null;
  },
) {
  const c = await requireThreadAccess(ctx.db, opts.actor, opts.caseId);
  const d = await findCaseDocument(ctx.db, opts.caseId, opts.documentId, EVIDENCE_KIND);
  if (!d || !canSeeCaseDocument(c.relations, c.readable, d)) throw new AppError('NOT_FOUND');
  const staff = c.relations.some((r) => r === 'officer' || r === 'director');
  if (!staff && !c.relations.includes('mediator')) throw new AppError('FORBIDDEN');
  if (!staff && opts.visibility === 'committee') {
    throw new AppError('VALIDATION_FAILED', { field: 'visibility' });
  }
  if (d.channel !== null && opts.visibility !== d.visibility) {
    throw new AppError('VALIDATION_FAILED', { field: 'visibility' });
  }
  if (opts.visibility === d.visibility) return presentDocument(d);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Only from the level this request saw: a concurrent change wins, and this one is refused.
    const changed = await updateDocumentVisibility(trx, d.id, d.visibility, opts.visibility);
    if (!changed) throw new AppError('VERSION_CONFLICT');
    await appendAuditEvent(trx, {
      orgId: c.orgId,
      caseId: opts.caseId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'document.visibility',
      entityType: 'document',
      entityId: d.id,
      summary: {
        before: { visibility: d.visibility },
        after: { visibility: opts.visibility },
        reason: opts.reason,
      },
      at,
    });
  });
  return presentDocument({ ...d, visibility: opts.visibility });
}
