import { isKnownDocumentHash } from '../../db/repositories/generated-document-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

/** "valid" when the hash is a signed agreement text or a stored immutable document; nothing more. */
export async function verifyDocumentHash(
  ctx: UseCaseContext,
  opts: { hash: string },
): Promise<{ status: 'valid' | 'unknown' }> {
  return {
    status: (await isKnownDocumentHash(ctx.db, opts.hash.toLowerCase())) ? 'valid' : 'unknown',
  };
}
