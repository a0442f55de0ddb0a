import { decryptField, encryptField } from '../../domain/encrypt-personal-data.js';
import {
  listEncryptedColumns,
  listValuesNotUnderKey,
  replaceEncryptedValue,
} from '../../db/repositories/trust-encrypted-field-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { addFieldKey } from './load-field-keyring.js';

export interface RotationReport {
  keyId: string;
  reEncrypted: Record<string, number>;
  /** Values no key in the ring opens (written under a lost key); left untouched and counted. */
  undecryptable: number;
}

/**
 * `accord keys rotate`: a new key becomes current at once (new writes use it), then every
 * `*_enc` value is re-encrypted in small batches, each its own short transaction, so a
 * serving process is never blocked for long. Until a row is reached it stays under its old
 * key, which remains in the ring, so every row stays readable throughout.
 * No audit row: the stored meaning of every field is unchanged; the key file records the
 * rotation time.
 */
export async function rotateFieldKeys(
  ctx: UseCaseContext,
  opts: { batchSize?: number } = {},
): Promise<RotationReport> {
  const batchSize = opts.batchSize ?? 500;
  const { keyId, ring } = addFieldKey(ctx.config, ctx.clock.now().toISOString());
  const reEncrypted: Record<string, number> = {};
  let undecryptable = 0;
  for (const col of await listEncryptedColumns(ctx.db)) {
    const name = `${col.table}.${col.column}`;
    reEncrypted[name] = 0;
    let afterId = '';
    for (;;) {
      const batch = await listValuesNotUnderKey(ctx.db, col, keyId, afterId, batchSize);
      if (batch.length === 0) break;
      await ctx.db.transaction().execute(async (trx) => {
        for (const row of batch) {
          let plain: string;
          try {
            plain = decryptField(ring, row.value);
          } catch {
            undecryptable++;
            continue;
          }
          if (await replaceEncryptedValue(trx, col, row.id, row.value, encryptField(ring, plain))) {
            reEncrypted[name]!++;
          }
        }
      });
      afterId = batch[batch.length - 1]!.id;
    }
  }
  return { keyId, reEncrypted, undecryptable };
}
