import { AppError } from '../../domain/app-error.js';
import { findSession } from '../../db/repositories/session-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

/** The session of this case, which must have been held and recorded (it has a 笔录 to act on). */
export async function requireRecordedSession(
  ctx: UseCaseContext,
  caseId: string,
  sessionId: string,
) {
  const s = await findSession(ctx.db, caseId, sessionId);
  if (!s) throw new AppError('NOT_FOUND');
  if (s.status !== 'held' || !s.record_json) {
    throw new AppError('INVALID_TRANSITION', {
      params: { state: s.status },
      details: { state: s.status, entity: 'session' },
    });
  }
  return { ...s, record_json: s.record_json };
}
