import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/authorize-case-access.js';
import { newId } from '../../domain/new-id.js';
import { safeFilename } from '../../domain/sniff-evidence-type.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { insertDocument } from '../../db/repositories/document-repository.js';
import type { DocumentStore } from '../../documents/store/document-store.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireAcceptableUpload } from '../documents/require-acceptable-upload.js';
import { requireAccessibleMediator } from './require-roster-access.js';

export const ADMISSION_EVIDENCE_KIND = 'admission_evidence';

/**
 * Stores an admission document (business licence, tax record, clean-record declaration) for a
 * mediator: an org-level document (no case), visible to the committee only. The type comes from
 * the bytes, with the same allow-list as case evidence. Cite it with PUT …/admission/{item}.
 */
export async function uploadAdmissionEvidence(
  ctx: UseCaseContext & { store: DocumentStore },
  opts: { actor: Actor; mediatorId: string; bytes: Buffer; clientFilename: string | undefined },
) {
  const m = await requireAccessibleMediator(ctx.db, opts.actor, opts.mediatorId, {
    allowSelf: false,
  });
  const { mediaType, extension } = await requireAcceptableUpload(opts.bytes);
  const sha256 = createHash('sha256').update(opts.bytes).digest('hex');
  // The file goes in before the row, so a row never points at a missing file.
  const storageKey = await ctx.store.put(sha256, opts.bytes);
  const id = newId();
  const at = ctx.clock.now().toISOString();
  const filename = safeFilename(opts.clientFilename, extension);
  await ctx.db.transaction().execute(async (trx) => {
    await insertDocument(trx, {
      id,
      org_id: m.orgId,
      case_id: null,
      kind: ADMISSION_EVIDENCE_KIND,
      filename,
      media_type: mediaType,
      size_bytes: opts.bytes.length,
      sha256,
      storage_key: storageKey,
      visibility: 'committee',
      uploaded_by: opts.actor.userId,
      created_at: at,
    });
    await appendAuditEvent(trx, {
      orgId: m.orgId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'mediator.admission_evidence_uploaded',
      entityType: 'mediator_profile',
      entityId: m.id,
      summary: { after: { documentId: id, filename, mediaType, sha256 } },
      at,
    });
  });
  return { id, filename, mediaType, sha256, sizeBytes: opts.bytes.length };
}
