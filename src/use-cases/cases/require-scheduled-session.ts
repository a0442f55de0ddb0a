import { AppError } from '../../domain/app-error.js';
import { findSession } from '../../db/repositories/session-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

/** The session of this case, which must still be scheduled (not held, not cancelled). */
export async function requireScheduledSession(
  ctx: UseCaseContext,
  caseId: string,
  sessionId: string,
) {
  const s = await findSession(ctx.db, caseId, sessionId);
  if (!s) throw new AppError('NOT_FOUND');
  if (s.status !== 'scheduled') {
    throw new AppError('INVALID_TRANSITION', {
      params: { state: s.status },
      details: { state: s.status, entity: 'session' },
    });
  }
  return s;
}
