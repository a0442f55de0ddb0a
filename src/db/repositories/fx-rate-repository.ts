import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { AppError } from '../../domain/app-error.js';

/**
 * The CNY rate for `currency` on `onDate` (YYYY-MM-DD): the stored rate of that day, or the
 * latest earlier one (weekends and holidays have no fixing). CNY is always 1.
 */
export async function findFxRate(
  db: Kysely<Database>,
  currency: string,
  onDate: string,
): Promise<string | undefined> {
  if (currency === 'CNY') return '1';
  const r = await db
    .selectFrom('fx_rates')
    .select('cny_per_unit')
    .where('currency', '=', currency)
    .where('on_date', '<=', onDate)
    .orderBy('on_date', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.cny_per_unit;
}

export async function requireFxRate(
  db: Kysely<Database>,
  currency: string,
  onDate: string,
  field = 'currency',
): Promise<string> {
  const rate = await findFxRate(db, currency, onDate);
  if (!rate)
    throw new AppError('VALIDATION_FAILED', {
      field,
      details: { reason: 'no_fx_rate', currency, onDate },
    });
  return rate;
}

export async function upsertFxRates(
  db: Kysely<Database>,
  rates: { currency: string; onDate: string; cnyPerUnit: string; source: string }[],
): Promise<void> {
  for (let i = 0; i < rates.length; i += 500) {
    await db
      .insertInto('fx_rates')
      .values(
        rates.slice(i, i + 500).map((r) => ({
          currency: r.currency,
          on_date: r.onDate,
          cny_per_unit: r.cnyPerUnit,
          source: r.source,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['currency', 'on_date']).doUpdateSet((eb) => ({
          cny_per_unit: eb.ref('excluded.cny_per_unit'),
          source: eb.ref('excluded.source'),
        })),
      )
      .execute();
  }
}
