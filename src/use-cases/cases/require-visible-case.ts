import type { Kysely } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import {
  relationsToCase,
  type Actor,
  type CaseRelation,
} from '../../domain/authorize-case-access.js';
import type { Database } from '../../db/schema.js';
import { findCaseAccessFacts } from '../../db/repositories/case-access-repository.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `caseId` can name a case at all; anything else is NOT_FOUND without a query. */
export function isCaseId(caseId: string): boolean {
  return uuidPattern.test(caseId);
}

/**
 * The case if the actor may see it, with how the actor relates to it. A case the actor may
 * not see answers NOT_FOUND, exactly like a case that does not exist.
 */
export async function requireVisibleCase(db: Kysely<Database>, actor: Actor, caseId: string) {
  if (!isCaseId(caseId)) throw new AppError('NOT_FOUND');
  const facts = await findCaseAccessFacts(db, caseId);
  if (!facts) throw new AppError('NOT_FOUND');
  const relations = relationsToCase(actor, facts);
  if (relations.length === 0) throw new AppError('NOT_FOUND');
  return { ...facts, relations };
}

/** Like requireVisibleCase, and the actor must relate to the case in one of `allowed` ways (else 403). */
export async function requireCaseRelation(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  allowed: CaseRelation[],
) {
  const c = await requireVisibleCase(db, actor, caseId);
  if (!c.relations.some((r) => allowed.includes(r))) throw new AppError('FORBIDDEN');
  return c;
}
