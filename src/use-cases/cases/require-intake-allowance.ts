import { createHash } from 'node:crypto';
import { AppError } from '../../domain/app-error.js';
import { newId } from '../../domain/new-id.js';
import {
  countRateLimitEventsSince,
  dropRateLimitEventsBefore,
  type RateLimitEventRow,
} from '../../db/repositories/rate-limit-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

const WINDOW_MS = 60 * 60_000;

// Only a hash of the address is stored: the table must not become a log of who applied.
const ipScope = (ip: string) =>
  'intake-ip:' + createHash('sha256').update(ip).digest('hex').slice(0, 32);

/**
 * Public applications per IP address per hour (ACCORD_INTAKE_PER_IP_PER_HOUR, 0 = no limit).
 * Counted in the database so that every app process shares one count. Two processes checking
 * at the same instant may both let one more through; the limit is against floods, not exact.
 *
 * Returns the event that counts this application, for the caller to insert in the transaction
 * that files it (recordRateLimitEvent): an application that fails is not counted, and the
 * count costs no commit of its own. Undefined when nothing is counted.
 */
export async function requireIntakeAllowance(
  ctx: UseCaseContext,
  ip: string | null | undefined,
): Promise<RateLimitEventRow | undefined> {
  const limit = ctx.config.intakePerIpPerHour;
  if (limit === 0 || !ip) return undefined;
  const now = ctx.clock.now();
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  const scope = ipScope(ip);
  await dropRateLimitEventsBefore(ctx.db, windowStart);
  const seen = await countRateLimitEventsSince(ctx.db, scope, windowStart);
  if (seen.count >= limit) {
    // When the oldest counted application leaves the window, one more is allowed.
    const freeAt = Date.parse(seen.oldestAt ?? now.toISOString()) + WINDOW_MS;
    const minutes = Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
    throw new AppError('RATE_LIMITED', { params: { minutes } });
  }
  return { id: newId(), scope, created_at: now.toISOString() };
}
