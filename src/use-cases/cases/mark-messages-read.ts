import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { advanceReadPosition } from '../../db/repositories/message-read-position-repository.js';
import { findMessage } from '../../db/repositories/message-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireThreadAccess } from './require-thread-access.js';

/**
 * Marks a channel read up to (and including) one of its messages, for this user only. A channel
 * the user may not read is NOT_FOUND, like one that does not exist. No audit row: a read
 * position is the reader's own bookmark, not a change to the case record, and auditing every
 * glance would flood the hash-chained trail.
 */
export async function markMessagesRead(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; channel: string; upTo: string },
) {
  const c = await requireThreadAccess(ctx.db, opts.actor, opts.caseId);
  if (!(c.readable as string[]).includes(opts.channel)) throw new AppError('NOT_FOUND');
  const m = await findMessage(ctx.db, opts.caseId, opts.upTo);
  if (!m || m.visibility !== opts.channel) {
    throw new AppError('VALIDATION_FAILED', { field: 'upTo' });
  }
  await advanceReadPosition(ctx.db, {
    orgId: c.orgId,
    caseId: opts.caseId,
    userId: opts.actor.userId,
    channel: opts.channel,
    lastReadAt: m.created_at,
    lastReadMessageId: m.id,
    at: ctx.clock.now().toISOString(),
  });
  return { channel: opts.channel, lastReadMessageId: m.id };
}
