import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { newId } from '../../domain/new-id.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { findCaseDocumentBundle } from '../../db/repositories/case-document-repository.js';
import {
  findImmutableDocument,
  insertGeneratedDocument,
} from '../../db/repositories/generated-document-repository.js';
import {
  buildDocumentData,
  documentKinds,
  type DocumentKind,
} from '../../documents/build-document-data.js';
import { renderTypstDocument } from '../../documents/render-typst-document.js';
import { sha256Hex } from '../../documents/store/document-store.js';
import { openDocumentStore } from '../../documents/store/open-document-store.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireDocumentLanguage } from './require-document-language.js';
import { requireVisibleCase } from '../cases/require-visible-case.js';
import { loadFieldKeyring } from '../trust/load-field-keyring.js';

export { documentKinds, type DocumentKind };

const courtFilingKinds = new Set<DocumentKind>(['confirmation-application', 'litigation-referral']);

export interface GeneratedDocument {
  pdf: Buffer;
  filename: string;
  sha256: string | null;
  /** True when the bytes are the stored, immutable copy of a signed or filed document. */
  stored: boolean;
}

/**
 * A case document as PDF. Signed or filed documents are rendered once, stored
 * content-addressed and served from the store from then on (so the bytes a court received
 * never change); drafts are rendered fresh on every request.
 */
export async function generateCaseDocument(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; kind: DocumentKind; lang?: string },
): Promise<GeneratedDocument> {
  const lang = requireDocumentLanguage(opts.lang);
  const access = await requireVisibleCase(ctx.db, opts.actor, opts.caseId);
  // Court filings carry every party's decrypted service phone: for the committee and the court.
  if (courtFilingKinds.has(opts.kind) && access.relations.every((r) => r === 'party')) {
    throw new AppError('FORBIDDEN');
  }
  const bundle = await findCaseDocumentBundle(ctx.db, opts.caseId);
  const store = openDocumentStore(ctx.config);
  if (!bundle) throw new AppError('NOT_FOUND');
  const built = buildDocumentData(opts.kind, bundle, {
    lang,
    publicUrl: ctx.config.publicUrl,
    printedAt: isoNow(ctx.clock),
    keyring: loadFieldKeyring(ctx.config),
  });
  if (!built)
    throw new AppError('INVALID_TRANSITION', {
      params: { state: bundle.case.status },
      details: { kind: opts.kind },
    });

  if (built.immutable) {
    const existing = await findImmutableDocument(ctx.db, {
      caseId: bundle.case.id,
      kind: opts.kind,
      filename: built.filename,
    });
    const bytes = existing && (await store.find(existing.storage_key));
    if (existing && bytes)
      return { pdf: bytes, filename: built.filename, sha256: existing.sha256, stored: true };
  }

  const { pdf } = renderTypstDocument(built.template, built.data);
  if (!built.immutable) return { pdf, filename: built.filename, sha256: null, stored: false };

  const sha256 = sha256Hex(pdf);
  const storageKey = await store.put(sha256, Buffer.from(pdf));
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const id = newId();
    await insertGeneratedDocument(trx, {
      id,
      orgId: access.orgId,
      caseId: bundle.case.id,
      kind: opts.kind,
      filename: built.filename,
      sizeBytes: pdf.length,
      sha256,
      storageKey,
      createdBy: opts.actor.userId,
      at,
    });
    await appendAuditEvent(trx, {
      orgId: access.orgId,
      caseId: bundle.case.id,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'document.generated',
      entityType: 'document',
      entityId: id,
      summary: { kind: opts.kind, filename: built.filename, sha256 },
      at,
    });
  });
  return { pdf, filename: built.filename, sha256, stored: true };
}
