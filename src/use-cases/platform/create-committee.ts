import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { encryptField } from '../../domain/encrypt-personal-data.js';
import { supportedLocales, type Locale } from '../../domain/messages/supported-locales.js';
import { newId } from '../../domain/new-id.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { enqueueOutbox } from '../../db/repositories/outbox-repository.js';
import {
  findOrgBySlugOrPrefix,
  insertDockingCourt,
  insertOrganization,
} from '../../db/repositories/platform-org-repository.js';
import {
  findUserByEmail,
  insertMembership,
  insertUser,
  normalizeEmail,
} from '../../db/repositories/user-repository.js';
import {
  SIGN_IN_LINK_OUTBOX_KIND,
  SIGN_IN_LINK_OUTBOX_ORG,
  type SignInLinkJob,
} from '../auth/request-sign-in-link.js';
import { loadFieldKeyring } from '../trust/load-field-keyring.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requirePlatformAdmin } from './require-platform-admin.js';

export type LocalizedNames = Partial<Record<Locale, string>>;

export interface CreateCommitteeInput {
  slug: string;
  /** At least zh-CN and en; any of the eight locales. */
  names: LocalizedNames;
  referencePrefix: string;
  timeZone: string;
  dockingCourts: { names: LocalizedNames }[];
  director: { email: string; name?: string; locale?: Locale };
}

export function isIanaTimeZone(tz: string): boolean {
  // Intl also takes offsets and odd spellings; a committee's zone is a named region.
  if (!/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+)$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function requireChineseAndEnglish(names: LocalizedNames, field: string) {
  const zh = names['zh-CN']?.trim();
  const en = names.en?.trim();
  if (!zh) throw new AppError('VALIDATION_FAILED', { field: `${field}.zh-CN` });
  if (!en) throw new AppError('VALIDATION_FAILED', { field: `${field}.en` });
  const others: Record<string, string> = {};
  for (const l of supportedLocales) {
    const v = names[l]?.trim();
    if (v && l !== 'zh-CN' && l !== 'en') others[l] = v;
  }
  return { zh, en, others };
}

/**
 * POST /orgs: a platform administrator onboards a committee without SQL. One transaction
 * writes the organisation, its docking courts, its first director (a new passwordless account
 * or an existing one, linked) and the first row of the committee's audit chain, and queues a
 * sign-in link to the director (the same job as a requested link, delivered by the worker).
 */
export async function createCommittee(
  ctx: UseCaseContext,
  o: { actor: Actor; input: CreateCommitteeInput },
): Promise<{ orgId: string; slug: string; directorUserId: string }> {
  requirePlatformAdmin(o.actor);
  const i = o.input;
  const names = requireChineseAndEnglish(i.names, 'names');
  const courts = i.dockingCourts.map((c, n) =>
    requireChineseAndEnglish(c.names, `dockingCourts.${n}.names`),
  );
  if (!isIanaTimeZone(i.timeZone)) throw new AppError('VALIDATION_FAILED', { field: 'timeZone' });
  const email = normalizeEmail(i.director.email);
  const at = ctx.clock.now().toISOString();
  const orgId = newId();
  const keyring = loadFieldKeyring(ctx.config);

  const directorUserId = await ctx.db.transaction().execute(async (trx) => {
    const clash = await findOrgBySlugOrPrefix(trx, {
      slug: i.slug,
      referencePrefix: i.referencePrefix,
    });
    if (clash) {
      throw new AppError('ALREADY_EXISTS', {
        field: clash.slug === i.slug ? 'slug' : 'referencePrefix',
      });
    }
    await insertOrganization(trx, {
      id: orgId,
      slug: i.slug,
      name: names.zh,
      nameEn: names.en,
      names: names.others,
      referencePrefix: i.referencePrefix,
      timeZone: i.timeZone,
      at,
    });
    const courtIds: string[] = [];
    for (const c of courts) {
      const id = newId();
      courtIds.push(id);
      await insertDockingCourt(trx, { id, orgId, name: c.zh, nameEn: c.en, at });
    }
    const existing = await findUserByEmail(trx, email);
    const userId = existing?.id ?? newId();
    if (!existing) {
      // Passwordless: the e-mailed link is the director's first credential; they enrol an
      // authenticator from it (the committee requires one) and may set a password later.
      await insertUser(trx, {
        id: userId,
        email,
        passwordHash: null,
        displayName: i.director.name?.trim() || email.split('@')[0]!,
        locale: i.director.locale ?? 'zh-CN',
        timeZone: i.timeZone,
        at,
      });
    }
    await insertMembership(trx, { id: newId(), orgId, userId, role: 'director', at });
    await appendAuditEvent(trx, {
      orgId,
      actorUserId: o.actor.userId,
      actorLabel: o.actor.displayName,
      action: 'org.created',
      entityType: 'organization',
      entityId: orgId,
      summary: {
        after: {
          slug: i.slug,
          referencePrefix: i.referencePrefix,
          timeZone: i.timeZone,
          courtIds,
          directorUserId: userId,
          directorAccount: existing ? 'linked' : 'created',
        },
      },
      at,
    });
    const job: SignInLinkJob = { emailEnc: encryptField(keyring, email), next: '/' };
    await enqueueOutbox(trx, {
      orgId: SIGN_IN_LINK_OUTBOX_ORG,
      kind: SIGN_IN_LINK_OUTBOX_KIND,
      idempotencyKey: `${SIGN_IN_LINK_OUTBOX_KIND}:director:${orgId}`,
      payload: job,
      at,
    });
    return userId;
  });
  return { orgId, slug: i.slug, directorUserId };
}
