import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { canSeeCaseDocument } from '../../domain/document-visibility.js';
import { findCaseDocument } from '../../db/repositories/document-repository.js';
import type { DocumentStore } from '../../documents/store/document-store.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireThreadAccess } from './require-thread-access.js';
import { EVIDENCE_KIND } from './upload-evidence.js';

/**
 * The bytes of a piece of evidence, re-checking on every download that the viewer may see the
 * case and this document (404 otherwise, so hidden documents are indistinguishable from none).
 */
export async function readEvidence(
  ctx: UseCaseContext & { store: DocumentStore },
  opts: { actor: Actor; caseId: string; documentId: string },
) {
  const c = await requireThreadAccess(ctx.db, opts.actor, opts.caseId);
  const d = await findCaseDocument(ctx.db, opts.caseId, opts.documentId, EVIDENCE_KIND);
  if (!d || !canSeeCaseDocument(c.relations, c.readable, d)) {
    throw new AppError('NOT_FOUND');
  }
  return {
    bytes: await ctx.store.get(d.storage_key),
    filename: d.filename,
    mediaType: d.media_type,
  };
}
