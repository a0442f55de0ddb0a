import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import {
  listDeadOutboxRows as listDead,
  type OutboxRow,
} from '../../db/repositories/outbox-repository.js';
import { requireOwnOrgsWithRole } from '../orgs/require-org-role.js';
import type { UseCaseContext } from '../use-case-context.js';

const encodeCursor = (r: OutboxRow) =>
  Buffer.from(JSON.stringify([r.created_at, r.id])).toString('base64url');

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') {
      return { createdAt: v[0], id: v[1] };
    }
  } catch {
    // fall through: a cursor we did not make
  }
  throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
}

/** A dead row as directors and operators see it: what it was, never its payload. */
export function describeDeadOutboxRow(r: OutboxRow) {
  let event: string | null = null;
  let caseId: string | null = null;
  try {
    const p = JSON.parse(r.payload_json) as { event?: unknown; caseId?: unknown };
    event = typeof p.event === 'string' ? p.event : null;
    caseId = typeof p.caseId === 'string' ? p.caseId : null;
  } catch {
    // an unreadable payload is itself a reason the row died; show what we have
  }
  return {
    id: r.id,
    orgId: r.org_id,
    kind: r.kind,
    event,
    caseId,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    lastAttemptAt: r.run_after,
  };
}

/**
 * Rows the worker gave up on, for the director of their organisation. The payload is not
 * returned (it may carry sign-in tokens); the event name and case id say what it was.
 */
export async function listDeadOutboxRows(
  ctx: UseCaseContext,
  o: { actor: Actor; limit: number; cursor?: string },
) {
  // Only the director's own committees: jobs of no committee (sign-in links, org 'platform')
  // are the operator's, through `accord outbox dead` (list-platform-dead-outbox-rows.ts).
  const orgIds = requireOwnOrgsWithRole(o.actor, 'director');
  return listDeadOutboxPage(ctx, { orgIds, limit: o.limit, cursor: o.cursor });
}

/** One page of dead rows of these organisations, newest first. */
export async function listDeadOutboxPage(
  ctx: UseCaseContext,
  o: { orgIds: string[]; limit: number; cursor?: string },
) {
  const rows = await listDead(ctx.db, {
    orgIds: o.orgIds,
    limit: o.limit + 1,
    before: o.cursor ? decodeCursor(o.cursor) : undefined,
  });
  const page = rows.slice(0, o.limit);
  return {
    items: page.map(describeDeadOutboxRow),
    nextCursor: rows.length > o.limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}
