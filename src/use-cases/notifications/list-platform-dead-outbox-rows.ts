import { SIGN_IN_LINK_OUTBOX_ORG } from '../auth/request-sign-in-link.js';
import type { UseCaseContext } from '../use-case-context.js';
import { listDeadOutboxPage } from './list-dead-outbox-rows.js';

/**
 * `accord outbox dead`: jobs of no committee that the worker gave up on (sign-in links, queued
 * under org 'platform' so that the request never looks up whose address it is). No director
 * sees them, since they belong to none; the operator running the deployment does, from the
 * command line. Like the directors' list, never the payload (an encrypted address).
 */
export async function listPlatformDeadOutboxRows(
  ctx: UseCaseContext,
  o: { limit: number; cursor?: string },
) {
  return listDeadOutboxPage(ctx, { orgIds: [SIGN_IN_LINK_OUTBOX_ORG], ...o });
}
