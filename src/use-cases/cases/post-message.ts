import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isKnownLanguage } from '../../domain/language-families.js';
import {
  isCaseInsider,
  isCaucus,
  sideOfChannel,
  type MessageChannel,
} from '../../domain/message-channels.js';
import { newId } from '../../domain/new-id.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  attachDocumentsToMessage,
  findCaseDocument,
} from '../../db/repositories/document-repository.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import { insertMessage } from '../../db/repositories/message-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireThreadAccess } from './require-thread-access.js';
import { EVIDENCE_KIND } from './upload-evidence.js';

/**
 * Posts to the case thread. `everyone` reaches the parties and the team; `team` stays with the
 * team and staff, and parties can neither post nor read it; a caucus (`caucus_applicant`,
 * `caucus_respondent`) reaches the team and that side only, and is NOT_FOUND to the other side.
 * Attachments are evidence already uploaded to this case by the author, shown at least as widely
 * as the message (a caucus attachment was uploaded into that caucus). Append-only, so it does not
 * take the case version.
 */
export async function postMessage(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    visibility: MessageChannel;
    language: string;
    body: string;
    documentIds: string[];
  },
) {
  const c = await requireThreadAccess(ctx.db, opts.actor, opts.caseId);
  if (c.writable.length === 0) throw new AppError('FORBIDDEN');
  // Another side's caucus is not there for this caller at all.
  if (isCaucus(opts.visibility) && !c.readable.includes(opts.visibility)) {
    throw new AppError('NOT_FOUND');
  }
  if (!c.writable.includes(opts.visibility)) {
    throw new AppError('VALIDATION_FAILED', { field: 'visibility' });
  }
  if (!isKnownLanguage(opts.language))
    throw new AppError('VALIDATION_FAILED', { field: 'language' });
  const docs = await Promise.all(
    opts.documentIds.map((id) => findCaseDocument(ctx.db, opts.caseId, id, EVIDENCE_KIND)),
  );
  docs.forEach((d, i) => {
    const wideEnough =
      opts.visibility === 'team' ? d?.visibility !== 'committee' : d?.visibility === 'all';
    // A caucus message carries files uploaded into that caucus (hidden from the other side from
    // the start); any other message carries files that belong to no caucus.
    const sameChannel =
      (d?.channel ?? null) === (isCaucus(opts.visibility) ? opts.visibility : null);
    if (!d || d.uploaded_by !== opts.actor.userId || d.message_id || !wideEnough || !sameChannel) {
      throw new AppError('VALIDATION_FAILED', { field: `documentIds.${i}` });
    }
  });
  const at = ctx.clock.now().toISOString();
  const id = newId();
  const authorLabel = opts.actor.displayName;
  await ctx.db.transaction().execute(async (trx) => {
    await insertMessage(trx, {
      id,
      org_id: c.orgId,
      case_id: opts.caseId,
      author_user_id: opts.actor.userId,
      author_label: authorLabel,
      visibility: opts.visibility,
      language: opts.language,
      body: opts.body,
      created_at: at,
    });
    const attached = await attachDocumentsToMessage(trx, opts.documentIds, id);
    // Another message took one of the files between our check and now.
    if (attached !== opts.documentIds.length) {
      throw new AppError('VALIDATION_FAILED', { field: 'documentIds' });
    }
    await appendAuditEvent(trx, {
      orgId: c.orgId,
      caseId: opts.caseId,
      actorUserId: opts.actor.userId,
      actorLabel: authorLabel,
      action: 'message.post',
      entityType: 'message',
      entityId: id,
      summary: { visibility: opts.visibility, language: opts.language, attachments: attached },
      at,
    });
    await emitCaseEvent(trx, {
      orgId: c.orgId,
      caseId: opts.caseId,
      event: 'message.posted',
      params: {
        messageId: id,
        visibility: opts.visibility,
        side: sideOfChannel(opts.visibility) ?? null,
        // What a party writes is for the committee to act on too, not only the team.
        fromParty: !isCaseInsider(c.relations),
      },
      at,
      dedupeKey: id,
    });
  });
  return { id, createdAt: at };
}
