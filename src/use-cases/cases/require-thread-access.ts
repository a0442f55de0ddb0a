import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/authorize-case-access.js';
import { readableChannels, writableChannels } from '../../domain/message-channels.js';
import type { Database } from '../../db/schema.js';
import { listOwnCaseSides } from '../../db/repositories/message-repository.js';
import { requireVisibleCase } from './require-visible-case.js';

/**
 * The case (404 if invisible) with the channels of its thread this actor may read and write.
 * A party's sides are read only for parties: staff read every channel anyway.
 */
export async function requireThreadAccess(db: Kysely<Database>, actor: Actor, caseId: string) {
  const c = await requireVisibleCase(db, actor, caseId);
  const sides = c.relations.includes('party')
    ? await listOwnCaseSides(db, caseId, actor.userId)
    : [];
  return {
    ...c,
    sides,
    readable: readableChannels(c.relations, sides),
    writable: writableChannels(c.relations, sides),
  };
}
