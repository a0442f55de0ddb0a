import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { findCaseDocumentBundle } from '../../db/repositories/case-document-repository.js';
import { findImmutableDocument } from '../../db/repositories/generated-document-repository.js';
import { assembleDossier, type AssembledDossier } from '../../documents/assemble-dossier.js';
import { buildDocumentData } from '../../documents/build-document-data.js';
import { openDocumentStore } from '../../documents/store/open-document-store.js';
import type { CaseDocumentBundle } from '../../documents/case-document-bundle.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireDocumentLanguage } from './require-document-language.js';
import { isCaseInsider } from '../../domain/message-channels.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import { loadFieldKeyring } from '../trust/load-field-keyring.js';

export interface CaseDossier extends AssembledDossier {
  bundle: CaseDocumentBundle;
  filename: string;
}

/**
 * The case file as one PDF. It is the committee's record (and what a court receives on
 * referral), so it is for staff on the case and the court it was filed with, not the parties.
 */
export async function generateCaseDossier(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; lang?: string },
): Promise<CaseDossier> {
  const lang = requireDocumentLanguage(opts.lang);
  const c = await requireCaseRelation(ctx.db, opts.actor, opts.caseId, [
    'director',
    'officer',
    'mediator',
    'court_liaison',
  ]);
  const found = await findCaseDocumentBundle(ctx.db, opts.caseId);
  const store = openDocumentStore(ctx.config);
  if (!found) throw new AppError('NOT_FOUND');
  // A court liaison never receives a private caucus's files (message-channels.ts): the team's
  // copy of the file holds them, the court's does not.
  const bundle = isCaseInsider(c.relations)
    ? found
    : { ...found, files: found.files.filter((f) => f.channel === null) };
  const options = {
    lang,
    publicUrl: ctx.config.publicUrl,
    printedAt: isoNow(ctx.clock),
    keyring: loadFieldKeyring(ctx.config),
  };

  // The agreement as signed, if it was stored; otherwise it is rendered from its content.
  let storedAgreementPdf: Buffer | undefined;
  const agreementDoc = buildDocumentData('agreement', bundle, options);
  if (agreementDoc?.immutable) {
    const stored = await findImmutableDocument(ctx.db, {
      caseId: bundle.case.id,
      kind: 'agreement',
      filename: agreementDoc.filename,
    });
    if (stored) storedAgreementPdf = await store.find(stored.storage_key);
  }

  const assembled = await assembleDossier({
    bundle,
    options,
    readFile: (f) => store.find(f.storageKey),
    storedAgreementPdf,
  });
  return { ...assembled, bundle, filename: `dossier-${bundle.case.id}.pdf` };
}
