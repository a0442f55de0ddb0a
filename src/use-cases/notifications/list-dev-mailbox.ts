import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { readDevMailbox, type DevMailboxEntry } from '../../mail/dev-mailbox.js';
import type { UseCaseContext } from '../use-case-context.js';
import { directorOrgIds } from './list-dead-outbox-rows.js';

/**
 * The dev mailbox (mail written to <dataDir>/mailbox/ when no SMTP server is configured). It
 * holds every organisation's mail, sign-in links included, so only a director may read it,
 * and it does not exist once SMTP is configured (404).
 */
export function listDevMailbox(
  ctx: UseCaseContext,
  o: { actor: Actor; limit: number },
): { items: DevMailboxEntry[] } {
  if (ctx.config.smtpUrl) throw new AppError('NOT_FOUND');
  if (directorOrgIds(o.actor).length === 0) throw new AppError('FORBIDDEN');
  return { items: readDevMailbox(ctx.config.dataDir, o.limit) };
}
