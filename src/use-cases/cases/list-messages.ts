import type { Actor } from '../../domain/authorize-case-access.js';
import { canSeeCaseDocument } from '../../domain/document-visibility.js';
import type { MessageTranslation } from '../../domain/machine-translator.js';
import { summariseUnread } from '../../domain/message-channels.js';
import { listDocumentsOfMessages } from '../../db/repositories/document-repository.js';
import { listReadPositions } from '../../db/repositories/message-read-position-repository.js';
import { listMessages } from '../../db/repositories/message-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { presentDocument } from './list-evidence.js';
import { requireThreadAccess } from './require-thread-access.js';

/**
 * The case thread as this viewer may read it: parties and liaisons never see team-only posts,
 * and a party sees its own side's caucus only. With it, per readable channel, the viewer's
 * unread count and first unread message (reading never moves the read position: see
 * mark-messages-read.ts).
 */
export async function listCaseMessages(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string },
) {
  const c = await requireThreadAccess(ctx.db, opts.actor, opts.caseId);
  const rows = await listMessages(ctx.db, opts.caseId, c.readable);
  const docs = (
    await listDocumentsOfMessages(
      ctx.db,
      rows.map((r) => r.id),
    )
  ).filter((d) => canSeeCaseDocument(c.relations, c.readable, d));
  const items = rows.map((m) => ({
    id: m.id,
    author: m.author_label,
    authorUserId: m.author_user_id,
    visibility: m.visibility,
    channel: m.visibility,
    language: m.language,
    body: m.body,
    translations: JSON.parse(m.translations_json) as MessageTranslation[],
    attachments: docs.filter((d) => d.message_id === m.id).map(presentDocument),
    createdAt: m.created_at,
  }));
  const positions = await listReadPositions(ctx.db, opts.caseId, opts.actor.userId);
  const channels = summariseUnread(
    c.readable,
    items.map((m) => ({
      id: m.id,
      channel: m.channel,
      createdAt: m.createdAt,
      authorUserId: m.authorUserId,
    })),
    positions,
    opts.actor.userId,
  ).map((s) => ({ ...s, writable: c.writable.includes(s.channel) }));
  return { items, channels };
}
