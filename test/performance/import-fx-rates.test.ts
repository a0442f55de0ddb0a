import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { importFxRates } from '../../src/use-cases/performance/import-fx-rates.js';
import { findFxRate } from '../../src/db/repositories/fx-rate-repository.js';
import { AppError } from '../../src/domain/app-error.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('accord fx import', () => {
  it('imports the shipped demo file, which says it is demo data', async () => {
    const csv = readFileSync('data-files/fx/demo-rates.csv', 'utf8');
    expect(csv.split('\n')[0]).toMatch(/DEMO RATES - NOT OFFICIAL/);
    const r = await importFxRates(t.deps, { csv, source: 'demo-rates.csv' });
    expect(r.imported).toBe(34);
    expect(r.currencies).toContain('USD');
    expect(await findFxRate(t.database.db, 'USD', '2026-03-05')).toBe('7.1234');
  });

  it('replaces a day’s rate and rejects a file with any bad line, writing none of it', async () => {
    await importFxRates(t.deps, {
      csv: 'currency,date,cny_per_unit\nusd,2026-03-02,7.2000\n',
      source: 'x',
    });
    expect(await findFxRate(t.database.db, 'USD', '2026-03-02')).toBe('7.2000');
    const bad =
      'currency,date,cny_per_unit\nUSD,2026-06-10,7.1\n# note\nXYZ,2026-06-10,1\nEUR,2026-02-31,7.7\nGBP,2026-06-10,-1\n';
    const e = await importFxRates(t.deps, { csv: bad, source: 'x' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).details).toEqual([
      { line: 4, field: 'currency' },
      { line: 5, field: 'date' },
      { line: 6, field: 'cny_per_unit' },
    ]);
    expect(await findFxRate(t.database.db, 'USD', '2026-06-10')).toBe('7.1000');
  });
});
