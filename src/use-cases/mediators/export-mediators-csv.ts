import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../../domain/authorize-case-access.js';
import {
  listMediatorProfiles,
  type MediatorProfileRow,
} from '../../db/repositories/mediator-profile-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireRosterManager } from './require-roster-access.js';

/**
 * The roster as CSV (UTF-8 with a BOM, so Excel opens Chinese names correctly), in the format
 * the import reads back; re-importing it updates rows by `id`. Phone numbers are left out:
 * they stay encrypted in the database and never leave it in bulk.
 */
export async function exportMediatorsCsv(
  ctx: UseCaseContext,
  opts: { actor: Actor; orgId: string },
): Promise<string> {
  requireRosterManager(opts.actor, opts.orgId);
  const all: MediatorProfileRow[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await listMediatorProfiles(ctx.db, { orgId: opts.orgId, limit: 1000, after });
    all.push(...page);
    if (page.length < 1000) break;
    after = page[page.length - 1]!.id;
  }
  const bioLocales = [...new Set(all.flatMap((m) => Object.keys(m.bio)))].sort();
  const header = [
    'id',
    'display_name',
    'kind',
    'nationality',
    'languages',
    'expertise',
    'case_limit',
    'email',
    'time_zone',
    ...bioLocales.map((l) => `bio_${l}`),
  ];
  const rows = all
    .filter((m) => m.active)
    .map((m) => [
      m.id,
      m.displayName,
      m.kind,
      m.nationality,
      m.languages.map((l) => `${l.code}:${l.proficiency}`).join(';'),
      m.expertise.join(';'),
      String(m.caseLimit),
      m.email ?? '',
      m.timeZone,
      ...bioLocales.map((l) => m.bio[l] ?? ''),
    ]);
  return '\uFEFF' + stringify([header, ...rows]);
}
