import { createHash } from 'node:crypto';
import { AppError } from '../../domain/app-error.js';
import { newId } from '../../domain/new-id.js';
import {
  countLoginFailuresSince,
  deleteLoginFailures,
  insertAuthSession,
  insertLoginFailure,
} from '../../db/repositories/auth-session-repository.js';
import { findUserByEmail, normalizeEmail } from '../../db/repositories/user-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { verifyPassword } from './hash-password.js';
import { hashToken, newSessionToken } from './issue-session-token.js';
import { requireActorForUser } from './resolve-actor.js';
import type { Actor } from '../../domain/authorize-case-access.js';

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

// The account scope is a hash of the address, so the table does not list who was attacked.
const accountScope = (email: string) =>
  'account:' + createHash('sha256').update(normalizeEmail(email)).digest('hex').slice(0, 32);
const ipScope = (ip: string) => 'ip:' + ip;

export interface SignInResult {
  token: string;
  expiresAt: string;
  actor: Actor;
}

export async function signIn(
  ctx: UseCaseContext,
  opts: { email: string; password: string; ip: string | null; userAgent: string | null },
): Promise<SignInResult> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
  const scopes = [accountScope(opts.email), ...(opts.ip ? [ipScope(opts.ip)] : [])];

  const [accountFailures, ipFailures] = await Promise.all([
    countLoginFailuresSince(ctx.db, scopes[0]!, since),
    opts.ip ? countLoginFailuresSince(ctx.db, scopes[1]!, since) : Promise.resolve(0),
  ]);
  if (accountFailures >= MAX_FAILURES_PER_ACCOUNT || ipFailures >= MAX_FAILURES_PER_IP) {
    throw new AppError('RATE_LIMITED', { params: { minutes: LOGIN_WINDOW_MINUTES } });
  }

  const user = await findUserByEmail(ctx.db, opts.email);
  const ok = await verifyPassword(user?.password_hash ?? null, opts.password);
  if (!user || !ok || user.disabled_at) {
    for (const scope of scopes) await insertLoginFailure(ctx.db, newId(), scope, at);
    // Same answer whether or not the account exists.
    throw new AppError('INVALID_CREDENTIALS');
  }
  await deleteLoginFailures(ctx.db, scopes[0]!);

  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000).toISOString();
  await insertAuthSession(ctx.db, {
    id: newId(),
    userId: user.id,
    tokenHash: hashToken(token),
    at,
    expiresAt,
    ip: opts.ip,
    userAgent: opts.userAgent,
  });
  return { token, expiresAt, actor: await requireActorForUser(ctx.db, user.id) };
}
