import { AppError } from '../../domain/app-error.js';
import { newId } from '../../domain/new-id.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { insertAuthSession } from '../../db/repositories/auth-session-repository.js';
import { findUserByEmail, insertUser } from '../../db/repositories/user-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { hashToken, newSessionToken } from './issue-session-token.js';
import { chooseSessionLifetime } from './choose-session-lifetime.js';
import { requireActorForUser } from './resolve-actor.js';
import type { SignInResult } from './sign-in.js';

const localeOf = (language: string) => (language === 'zh' ? 'zh-CN' : language);

/**
 * Exchanges a one-time invitation link for a session. The party gets (or reuses) an account
 * keyed by the party's e-mail, without a password, linked to the party record.
 *
 * A party who opens the e-mail again while still signed in (`signedInUserId` is the account the
 * link's party belongs to) is told the case instead of "not found": the link is spent, but they
 * need no new session to follow it. Anyone else gets NOT_FOUND for a used link.
 */
export async function redeemPartyInvite(
  ctx: UseCaseContext,
  opts: { token: string; ip: string | null; userAgent: string | null; signedInUserId?: string },
): Promise<(SignInResult & { caseId: string }) | { alreadySignedIn: true; caseId: string }> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const sessionToken = newSessionToken();
  const redeemed = await ctx.db.transaction().execute(async (trx) => {
    const invite = await trx
      .selectFrom('party_invites')
      .innerJoin('case_parties', 'case_parties.id', 'party_invites.party_id')
      .select([
        'party_invites.id',
        'party_invites.org_id',
        'party_invites.case_id',
        'party_invites.party_id',
        'party_invites.expires_at',
        'party_invites.used_at',
        'case_parties.email',
        'case_parties.name',
        'case_parties.user_id',
        'case_parties.preferred_language',
      ])
      .where('party_invites.token_hash', '=', hashToken(opts.token))
      .executeTakeFirst();
    if (invite && opts.signedInUserId && invite.user_id === opts.signedInUserId) {
      if (invite.used_at || invite.expires_at <= at) {
        return { alreadySignedIn: true as const, caseId: invite.case_id };
      }
    }
    // Unknown, used and expired links all look the same to the caller.
    if (!invite || invite.used_at || invite.expires_at <= at) throw new AppError('NOT_FOUND');
    const used = await trx
      .updateTable('party_invites')
      .set({ used_at: at })
      .where('id', '=', invite.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new AppError('NOT_FOUND');

    let uid = invite.user_id;
    if (!uid) {
      const existing = invite.email ? await findUserByEmail(trx, invite.email) : undefined;
      uid = existing?.id ?? newId();
      if (!existing) {
        await insertUser(trx, {
          id: uid,
          // A party without e-mail still needs a unique login key; it can never sign in by password.
          email: invite.email ?? `party-${invite.party_id}@invite.accord.invalid`,
          passwordHash: null,
          displayName: invite.name,
          locale: localeOf(invite.preferred_language),
          at,
        });
      }
      await trx
        .updateTable('case_parties')
        .set({ user_id: uid })
        .where('id', '=', invite.party_id)
        .execute();
    }
    const lifetime = chooseSessionLifetime(ctx, await requireActorForUser(trx, uid), now);
    await insertAuthSession(trx, {
      id: newId(),
      userId: uid,
      tokenHash: hashToken(sessionToken),
      at,
      expiresAt: lifetime.expiresAt,
      ip: opts.ip,
      userAgent: opts.userAgent,
      slidingDays: lifetime.slidingDays,
    });
    await appendAuditEvent(trx, {
      orgId: invite.org_id,
      caseId: invite.case_id,
      actorUserId: uid,
      actorLabel: invite.name,
      action: 'party.invite_redeemed',
      entityType: 'case_party',
      entityId: invite.party_id,
      summary: {},
      at,
    });
    return { userId: uid, expiresAt: lifetime.expiresAt, caseId: invite.case_id };
  });
  if (redeemed.alreadySignedIn) return { alreadySignedIn: true, caseId: redeemed.caseId };
  const { userId, expiresAt, caseId } = redeemed;
  return {
    token: sessionToken,
    expiresAt,
    caseId,
    actor: await requireActorForUser(ctx.db, userId),
    // Invitations are for parties, never for committee staff.
    totpEnrollmentRequired: false,
  };
}
