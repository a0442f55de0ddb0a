import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { readDevMailbox, type DevMailboxEntry } from '../../mail/dev-mailbox.js';
import { requireOwnOrgsWithRole } from '../orgs/require-org-role.js';
import type { UseCaseContext } from '../use-case-context.js';

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
  requireOwnOrgsWithRole(o.actor, 'director');
  return { items: readDevMailbox(ctx.config.dataDir, o.limit) };
}
