import type { Actor } from '../../domain/authorize-case-access.js';
import { visibleDocumentLevels } from '../../domain/document-visibility.js';
import type { MessageTranslation } from '../../domain/machine-translator.js';
import { listDocumentsOfMessages } from '../../db/repositories/document-repository.js';
import { listMessages } from '../../db/repositories/message-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { presentDocument } from './list-evidence.js';
import { requireVisibleCase } from './require-visible-case.js';

/** The case thread as this viewer may read it: parties and liaisons never see team-only posts. */
export async function listCaseMessages(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string },
) {
  const c = await requireVisibleCase(ctx.db, opts.actor, opts.caseId);
  const insider = c.relations.some((r) => r === 'mediator' || r === 'officer' || r === 'director');
  const rows = await listMessages(
    ctx.db,
    opts.caseId,
    insider ? ['everyone', 'team'] : ['everyone'],
  );
  const levels = visibleDocumentLevels(c.relations);
  const docs = (
    await listDocumentsOfMessages(
      ctx.db,
      rows.map((r) => r.id),
    )
  ).filter((d) => (levels as string[]).includes(d.visibility));
  return rows.map((m) => ({
    id: m.id,
    author: m.author_label,
    authorUserId: m.author_user_id,
    visibility: m.visibility,
    language: m.language,
    body: m.body,
    translations: JSON.parse(m.translations_json) as MessageTranslation[],
    attachments: docs.filter((d) => d.message_id === m.id).map(presentDocument),
    createdAt: m.created_at,
  }));
}
