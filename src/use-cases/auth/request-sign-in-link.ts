import { createHash } from 'node:crypto';
import { AppError } from '../../domain/app-error.js';
import { encryptField } from '../../domain/encrypt-personal-data.js';
import { newId } from '../../domain/new-id.js';
import { enqueueOutbox } from '../../db/repositories/outbox-repository.js';
import {
  countRateLimitEventsSince,
  dropRateLimitEventsBefore,
  recordRateLimitEvent,
} from '../../db/repositories/rate-limit-repository.js';
import { normalizeEmail } from '../../db/repositories/user-repository.js';
import { loadFieldKeyring } from '../trust/load-field-keyring.js';
import type { UseCaseContext } from '../use-case-context.js';

export const SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR = 5;
export const SIGN_IN_LINKS_PER_IP_PER_HOUR = 20;
const WINDOW_MS = 60 * 60_000;

/**
 * The outbox needs an organisation, and the request must not look one up (that would make the
 * answer's timing tell whether the address is known), so these jobs carry this marker instead.
 */
export const SIGN_IN_LINK_OUTBOX_ORG = 'platform';
export const SIGN_IN_LINK_OUTBOX_KIND = 'sign_in_link';

export interface SignInLinkJob {
  /** The normalised address, encrypted: the outbox must not become a list of who asked. */
  emailEnc: string;
  next: string | null;
}

// Hashes only: the table must not list addresses or IPs.
const scopeOf = (kind: string, v: string) =>
  `sign-in-link-${kind}:` + createHash('sha256').update(v).digest('hex').slice(0, 32);

/**
 * Queues a sign-in link for whoever owns the address. The request does the same work whether
 * or not the address is known (count, record, queue): the lookup happens in the outbox job, so
 * neither the answer nor its timing tells. Over the limit per address or per IP it refuses with
 * RATE_LIMITED; the count includes unknown addresses, so that refusal tells nothing either
 * (docs/decisions/0024-sign-in-links.md).
 */
export async function requestSignInLink(
  ctx: UseCaseContext,
  opts: { email: string; next: string | null; ip: string | null },
): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  const email = normalizeEmail(opts.email);
  const limits = [
    { scope: scopeOf('address', email), limit: SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR },
    ...(opts.ip ? [{ scope: scopeOf('ip', opts.ip), limit: SIGN_IN_LINKS_PER_IP_PER_HOUR }] : []),
  ];
  await dropRateLimitEventsBefore(ctx.db, windowStart);
  for (const { scope, limit } of limits) {
    const seen = await countRateLimitEventsSince(ctx.db, scope, windowStart);
    if (seen.count >= limit) {
      const freeAt = Date.parse(seen.oldestAt ?? at) + WINDOW_MS;
      const minutes = Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
      throw new AppError('RATE_LIMITED', { params: { minutes } });
    }
  }
  const payload: SignInLinkJob = {
    emailEnc: encryptField(loadFieldKeyring(ctx.config), email),
    next: opts.next,
  };
  await ctx.db.transaction().execute(async (trx) => {
    for (const { scope } of limits) {
      await recordRateLimitEvent(trx, { id: newId(), scope, created_at: at });
    }
    await enqueueOutbox(trx, {
      orgId: SIGN_IN_LINK_OUTBOX_ORG,
      kind: SIGN_IN_LINK_OUTBOX_KIND,
      idempotencyKey: `${SIGN_IN_LINK_OUTBOX_KIND}:${newId()}`,
      payload,
      at,
    });
  });
}
