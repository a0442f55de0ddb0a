import { createHash } from 'node:crypto';
import { AppError } from '../../domain/app-error.js';
import { newId } from '../../domain/new-id.js';
import {
  countRateLimitEventsSince,
  recordRateLimitEvent,
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
 */
export async function requireIntakeAllowance(
  ctx: UseCaseContext,
  ip: string | null | undefined,
): Promise<void> {
  const limit = ctx.config.intakePerIpPerHour;
  if (limit === 0 || !ip) return;
  const now = ctx.clock.now();
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  const scope = ipScope(ip);
  const seen = await countRateLimitEventsSince(ctx.db, scope, windowStart);
  if (seen.count >= limit) {
    // When the oldest counted application leaves the window, one more is allowed.
    const freeAt = Date.parse(seen.oldestAt ?? now.toISOString()) + WINDOW_MS;
    const minutes = Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
    throw new AppError('RATE_LIMITED', { params: { minutes } });
  }
  await recordRateLimitEvent(ctx.db, {
    id: newId(),
    scope,
    at: now.toISOString(),
    windowStart,
  });
}
