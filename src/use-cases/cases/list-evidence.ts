import type { Actor } from '../../domain/authorize-case-access.js';
import { visibleDocumentLevels } from '../../domain/document-visibility.js';
import { listCaseDocuments, type DocumentRow } from '../../db/repositories/document-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { caucusChannels } from '../../domain/message-channels.js';
import { requireThreadAccess } from './require-thread-access.js';
import { EVIDENCE_KIND } from './upload-evidence.js';

export const presentDocument = (d: DocumentRow) => ({
  id: d.id,
  filename: d.filename,
  mediaType: d.media_type,
  sizeBytes: Number(d.size_bytes),
  sha256: d.sha256,
  visibility: d.visibility,
  messageId: d.message_id,
  channel: d.channel ?? null,
  createdAt: d.created_at,
});

/** The evidence of a case that this viewer may see (another side's caucus files left out). */
export async function listEvidence(ctx: UseCaseContext, opts: { actor: Actor; caseId: string }) {
  const c = await requireThreadAccess(ctx.db, opts.actor, opts.caseId);
  const rows = await listCaseDocuments(
    ctx.db,
    opts.caseId,
    EVIDENCE_KIND,
    visibleDocumentLevels(c.relations),
    caucusChannels.filter((ch) => c.readable.includes(ch)),
  );
  return rows.map(presentDocument);
}
