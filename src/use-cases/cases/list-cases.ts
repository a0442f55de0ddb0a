import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { addDays } from '../../domain/clock.js';
import type { CaseStatus } from '../../domain/case-status.js';
import { formatMinor } from '../../domain/money.js';
import { queryTokensOf } from '../../domain/search-tokens.js';
import {
  listPartiesOfCases,
  listVisibleCases,
  type CaseRow,
} from '../../db/repositories/case-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { countUnreadMessagesOfListedCases } from './count-unread-messages-of-listed-cases.js';

export interface ListCasesQuery {
  status?: CaseStatus;
  category?: string;
  language?: string;
  country?: string;
  mediatorId?: string;
  /** Only cases on which the actor sits on the team ("my assignments"). */
  mine?: boolean;
  overdue?: boolean;
  /** Mediation deadline: already passed, or falling within the next 7 days (not yet passed). */
  due?: 'overdue' | 'week';
  /** YYYY-MM-DD, inclusive, UTC days. */
  submittedFrom?: string;
  submittedTo?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

/** "Due soon" in the queue: the week an officer plans ahead for. */
const DUE_SOON_DAYS = 7;

const encodeCursor = (c: CaseRow) =>
  Buffer.from(JSON.stringify([c.submitted_at, c.id])).toString('base64url');

function decodeCursor(cursor: string): { submittedAt: string; id: string } {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string')) {
      return { submittedAt: v[0] as string, id: v[1] as string };
    }
  } catch {
    // fall through: a cursor we did not make
  }
  throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
}

export function presentCaseSummary(
  c: CaseRow,
  parties: { role: string; name: string; country: string }[],
  now: string,
) {
  return {
    id: c.id,
    reference: c.reference,
    status: c.status as CaseStatus,
    category: c.category,
    nationalCategory: c.national_category,
    source: c.source,
    summary: c.summary,
    claimedAmount:
      c.claimed_amount_minor !== null && c.claimed_currency
        ? {
            amount: formatMinor(Number(c.claimed_amount_minor), c.claimed_currency),
            currency: c.claimed_currency,
          }
        : null,
    hasForeignParty: c.has_foreign_party === 1,
    submittedAt: c.submitted_at,
    acceptedAt: c.accepted_at,
    mediationDueAt: c.mediation_due_at,
    overdue:
      !!c.mediation_due_at &&
      c.mediation_due_at < now &&
      (c.status === 'accepted' || c.status === 'in_mediation'),
    parties: parties.map((p) => ({ role: p.role, name: p.name, country: p.country })),
    version: c.version,
  };
}

/** One page of the cases the actor may see, newest first, with an opaque cursor for the next. */
export async function listCases(
  ctx: UseCaseContext,
  opts: { actor: Actor; query: ListCasesQuery },
) {
  const q = opts.query;
  const limit = q.limit ?? 20;
  const now = ctx.clock.now().toISOString();
  const queryTokens = q.q ? queryTokensOf(q.q) : undefined;
  // A query of only punctuation or symbols has no words to look for: it matches nothing.
  if (queryTokens && queryTokens.length === 0) return { items: [], nextCursor: null };
  const rows = await listVisibleCases(ctx.db, opts.actor, {
    status: q.status,
    category: q.category,
    language: q.language,
    country: q.country,
    mediatorIds: q.mine ? opts.actor.mediatorIds : q.mediatorId ? [q.mediatorId] : undefined,
    overdueAt: q.overdue || q.due === 'overdue' ? now : undefined,
    dueFrom: q.due === 'week' ? now : undefined,
    dueBefore: q.due === 'week' ? addDays(now, DUE_SOON_DAYS) : undefined,
    submittedFrom: q.submittedFrom ? `${q.submittedFrom}T00:00:00.000Z` : undefined,
    submittedBefore: q.submittedTo ? addDays(`${q.submittedTo}T00:00:00.000Z`, 1) : undefined,
    queryTokens,
    after: q.cursor ? decodeCursor(q.cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const parties = await listPartiesOfCases(
    ctx.db,
    page.map((c) => c.id),
  );
  const unread = await countUnreadMessagesOfListedCases(
    ctx,
    opts.actor,
    page.map((c) => ({ id: c.id, orgId: c.org_id })),
    parties,
  );
  return {
    items: page.map((c) => ({
      ...presentCaseSummary(
        c,
        parties.filter((p) => p.case_id === c.id),
        now,
      ),
      unreadMessages: unread.get(c.id) ?? 0,
    })),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}
