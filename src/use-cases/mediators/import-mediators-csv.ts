import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { AppError, isAppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import type { MediatorInput } from '../../domain/matching/validate-mediator-input.js';
import { validateMediatorInput } from '../../domain/matching/validate-mediator-input.js';
import { proficiencies, type MediatorKind, type Proficiency } from '../../domain/roles.js';
import { findMediatorProfile } from '../../db/repositories/mediator-profile-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { createMediator } from './create-mediator.js';
import { requireRosterManager } from './require-roster-access.js';
import { updateMediator } from './update-mediator.js';

/**
 * The roster CSV. Required columns name a mediator; `id` (from an export) updates that
 * mediator instead of creating one. Languages are `code:proficiency` separated by `;`
 * ("ar:native;zh:fluent;en:working"), expertise codes by `;`, bios in `bio_<locale>` columns.
 */
export const requiredColumns = ['display_name', 'kind', 'nationality', 'languages'] as const;
export const optionalColumns = [
  'id',
  'expertise',
  'case_limit',
  'email',
  'phone',
  'time_zone',
] as const;
const bioColumn = /^bio_([a-z]{2,3}(-[A-Z]{2})?)$/;
export const MAX_IMPORT_ROWS = 20_000;

export interface ImportRowError {
  /** The line of the CSV file (the header is line 1). */
  row: number;
  field: string;
  code: string;
}

export interface ImportReport {
  encoding: 'utf-8' | 'gbk';
  rows: number;
  created: number;
  updated: number;
  errors: ImportRowError[];
}

/** UTF-8 (with or without BOM) unless the bytes are not valid UTF-8, then GB 18030/GBK. */
export function decodeCsv(
  bytes: Buffer,
  encoding: 'auto' | 'utf-8' | 'gbk' = 'auto',
): { text: string; encoding: 'utf-8' | 'gbk' } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'gbk') return { text: iconv.decode(bytes, 'gbk'), encoding: 'gbk' };
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    if (encoding === 'utf-8') throw new AppError('VALIDATION_FAILED', { field: 'encoding' });
    return { text: iconv.decode(bytes, 'gbk'), encoding: 'gbk' };
  }
}

/** Maps a validation field (`languages.2.code`) to the CSV column it came from. */
function columnOf(field: string | undefined): string {
  const head = (field ?? '').split('.')[0]!;
  const map: Record<string, string> = {
    displayName: 'display_name',
    caseLimit: 'case_limit',
    timeZone: 'time_zone',
  };
  if (head === 'bio') return `bio_${(field ?? '').split('.')[1]}`;
  return map[head] ?? head;
}

function parseLanguages(cell: string): { code: string; proficiency: Proficiency }[] {
  return cell
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const [code, proficiency] = part.split(':').map((x) => x.trim());
      if (!code || !proficiency || !(proficiencies as readonly string[]).includes(proficiency)) {
        throw new AppError('VALIDATION_FAILED', { field: 'languages' });
      }
      return { code, proficiency: proficiency as Proficiency };
    });
}

function rowToInput(rec: Record<string, string>): MediatorInput & { id: string | null } {
  const caseLimitCell = rec.case_limit?.trim();
  const caseLimit = caseLimitCell ? Number(caseLimitCell) : 5;
  if (caseLimitCell && !/^\d+$/.test(caseLimitCell)) {
    throw new AppError('VALIDATION_FAILED', { field: 'caseLimit' });
  }
  const bio: Record<string, string> = {};
  for (const [k, v] of Object.entries(rec)) {
    const m = bioColumn.exec(k);
    if (m && v.trim()) bio[m[1]!] = v.trim();
  }
  return {
    id: rec.id?.trim() || null,
    displayName: rec.display_name ?? '',
    kind: (rec.kind ?? '').trim() as MediatorKind,
    nationality: (rec.nationality ?? '').trim(),
    languages: parseLanguages(rec.languages ?? ''),
    expertise: (rec.expertise ?? '')
      .split(/[;|]/)
      .map((s) => s.trim())
      .filter(Boolean),
    caseLimit,
    email: rec.email?.trim() || null,
    phone: rec.phone?.trim() || null,
    bio,
    timeZone: rec.time_zone?.trim() || 'Asia/Shanghai',
  };
}

/**
 * Imports a roster CSV row by row: each good row is written in its own audited transaction,
 * each bad row is reported (line and column) and written not at all, so one bad row never
 * aborts the good ones and no row is half-written.
 */
export async function importMediatorsCsv(
  ctx: UseCaseContext,
  opts: { actor: Actor; orgId: string; bytes: Buffer; encoding?: 'auto' | 'utf-8' | 'gbk' },
): Promise<ImportReport> {
  requireRosterManager(opts.actor, opts.orgId);
  const { text, encoding } = decodeCsv(opts.bytes, opts.encoding);
  const report: ImportReport = { encoding, rows: 0, created: 0, updated: 0, errors: [] };
  const broken: ImportRowError[] = [];
  const records = parse(text, {
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (err) => {
      broken.push({
        row: (err as { lines?: number })?.lines ?? 0,
        field: 'row',
        code: 'MALFORMED_CSV',
      });
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) {
    report.errors.push({ row: 1, field: 'header', code: 'EMPTY_FILE' });
    return report;
  }
  const header = headerRecord.record.map((h) => h.trim().toLowerCase());
  const known = new Set<string>([...requiredColumns, ...optionalColumns]);
  for (const col of requiredColumns) {
    if (!header.includes(col)) report.errors.push({ row: 1, field: col, code: 'MISSING_COLUMN' });
  }
  header.forEach((h) => {
    if (!known.has(h) && !bioColumn.test(h))
      report.errors.push({ row: 1, field: h, code: 'UNKNOWN_COLUMN' });
  });
  if (new Set(header).size !== header.length) {
    report.errors.push({ row: 1, field: 'header', code: 'DUPLICATE_COLUMN' });
  }
  if (report.errors.length > 0) return report;
  if (dataRecords.length > MAX_IMPORT_ROWS) {
    throw new AppError('PAYLOAD_TOO_LARGE');
  }
  report.errors.push(...broken);

  for (const { record, info } of dataRecords) {
    const row = info.lines;
    report.rows++;
    if (record.length !== header.length) {
      report.errors.push({ row, field: 'row', code: 'COLUMN_COUNT' });
      continue;
    }
    const rec = Object.fromEntries(header.map((h, i) => [h, record[i] ?? '']));
    try {
      const { id, ...input } = rowToInput(rec);
      if (id) {
        const existing = /^[0-9a-f-]{36}$/i.test(id)
          ? await findMediatorProfile(ctx.db, id)
          : undefined;
        if (!existing || existing.orgId !== opts.orgId) {
          throw new AppError('VALIDATION_FAILED', { field: 'id' });
        }
        await updateMediator(ctx, { actor: opts.actor, mediatorId: id, changes: input });
        report.updated++;
      } else {
        validateMediatorInput(input);
        await createMediator(ctx, { actor: opts.actor, orgId: opts.orgId, input });
        report.created++;
      }
    } catch (e) {
      if (!isAppError(e) || e.code !== 'VALIDATION_FAILED') throw e;
      report.errors.push({ row, field: columnOf(e.field), code: 'INVALID_VALUE' });
    }
  }
  report.errors.sort((a, b) => a.row - b.row);
  return report;
}
