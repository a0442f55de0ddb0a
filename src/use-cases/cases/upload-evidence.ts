import { createHash } from 'node:crypto';
import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import type { DocumentVisibility } from '../../domain/document-visibility.js';
import { isCaucus, type CaucusChannel } from '../../domain/message-channels.js';
import { newId } from '../../domain/new-id.js';
import { safeFilename } from '../../domain/sniff-evidence-type.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { insertDocument } from '../../db/repositories/document-repository.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import type { DocumentStore } from '../../documents/store/document-store.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireAcceptableUpload } from '../documents/require-acceptable-upload.js';
import { requireThreadAccess } from './require-thread-access.js';

export const EVIDENCE_KIND = 'evidence';

/**
 * Stores a piece of evidence for a case. The type comes from the bytes; anything outside the
 * allow-list is UNSUPPORTED_MEDIA_TYPE. The file is kept by content hash in the document store,
 * then recorded with its visibility. Parties share evidence with everyone on the case; the team
 * and staff may also keep documents to the team or the committee. A file uploaded into a private
 * caucus (`channel`) is seen by that side and the team only. A party's upload tells the team and
 * the officers (`evidence.uploaded`): it is what they act on.
 */
export async function uploadEvidence(
  ctx: UseCaseContext & { store: DocumentStore },
  opts: {
    actor: Actor;
    caseId: string;
    bytes: Buffer;
    clientFilename: string | undefined;
    visibility: DocumentVisibility;
    channel?: CaucusChannel | null;
  },
) {
  const c = await requireThreadAccess(ctx.db, opts.actor, opts.caseId);
  if (c.writable.length === 0) throw new AppError('FORBIDDEN');
  const channel = opts.channel ?? null;
  if (channel !== null && (!isCaucus(channel) || !c.readable.includes(channel))) {
    throw new AppError('NOT_FOUND');
  }
  // A caucus file is for that side to read: it cannot also be kept from the parties.
  if (channel !== null && opts.visibility !== 'all') {
    throw new AppError('VALIDATION_FAILED', { field: 'visibility' });
  }
  const insider = c.relations.some((r) => r === 'mediator' || r === 'officer' || r === 'director');
  if (!insider && opts.visibility !== 'all') {
    throw new AppError('VALIDATION_FAILED', { field: 'visibility' });
  }
  if (
    opts.visibility === 'committee' &&
    !c.relations.some((r) => r === 'officer' || r === 'director')
  ) {
    throw new AppError('VALIDATION_FAILED', { field: 'visibility' });
  }
  const { mediaType, extension } = await requireAcceptableUpload(opts.bytes);
  const sha256 = createHash('sha256').update(opts.bytes).digest('hex');
  // The file goes in before the row: a row never points at a missing file. A crash in between
  // leaves an unreferenced file, which is harmless and re-used by the next identical upload.
  const storageKey = await ctx.store.put(sha256, opts.bytes);
  const at = ctx.clock.now().toISOString();
  const id = newId();
  const filename = safeFilename(opts.clientFilename, extension);
  await ctx.db.transaction().execute(async (trx) => {
    await insertDocument(trx, {
      id,
      org_id: c.orgId,
      case_id: opts.caseId,
      kind: EVIDENCE_KIND,
      filename,
      media_type: mediaType,
      size_bytes: opts.bytes.length,
      sha256,
      storage_key: storageKey,
      visibility: opts.visibility,
      channel,
      uploaded_by: opts.actor.userId,
      created_at: at,
    });
    await appendAuditEvent(trx, {
      orgId: c.orgId,
      caseId: opts.caseId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'document.upload',
      entityType: 'document',
      entityId: id,
      summary: {
        sha256,
        mediaType,
        sizeBytes: opts.bytes.length,
        visibility: opts.visibility,
        channel,
      },
      at,
    });
    if (!insider) {
      await emitCaseEvent(trx, {
        orgId: c.orgId,
        caseId: opts.caseId,
        event: 'evidence.uploaded',
        params: { documentId: id, actorUserId: opts.actor.userId },
        at,
        dedupeKey: id,
      });
    }
  });
  return {
    id,
    filename,
    mediaType,
    sizeBytes: opts.bytes.length,
    sha256,
    visibility: opts.visibility,
    channel,
    createdAt: at,
  };
}
