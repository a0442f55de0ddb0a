import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../../domain/authorize-case-access.js';
import { caseSources } from '../../domain/dispute-categories.js';
import {
  caseSourceNames,
  categoryName,
  officialReportHeadings,
  type OfficialReportRow,
  type ReportLanguage,
} from '../../domain/statistics/official-report.js';
import { requireStatsPeriod, type StatsPeriod } from '../../domain/statistics/stats-period.js';
import { findOrgNames } from '../../db/repositories/stats-org-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { buildOfficialReport } from './build-official-report.js';
import { requireStatsOrg } from './require-stats-org.js';

function tableOf(rows: OfficialReportRow[], lang: ReportLanguage): (string | number | null)[][] {
  const h = officialReportHeadings[lang];
  const header = [
    h.category,
    h.accepted,
    h.succeeded,
    h.successRate,
    h.amountAgreed,
    ...caseSources.map((s) => h.sourcePrefix + caseSourceNames[s][lang]),
  ];
  return [
    header,
    ...rows.map((r) => [
      categoryName(r.category, lang),
      r.accepted,
      r.succeeded,
      r.successRate,
      r.amountAgreedCny,
      ...caseSources.map((s) => r.acceptedBySource[s]),
    ]),
  ];
}

async function prepare(
  ctx: UseCaseContext,
  o: { actor: Actor; orgId?: string; from?: string; to?: string },
): Promise<{
  rows: OfficialReportRow[];
  period: StatsPeriod;
  org: { name: string; nameEn: string };
}> {
  const orgId = requireStatsOrg(o.actor, o.orgId);
  const period = requireStatsPeriod(
    { from: o.from, to: o.to },
    ctx.clock.now().toISOString().slice(0, 10),
  );
  const [rows, org] = await Promise.all([
    buildOfficialReport(ctx.db, { orgId, period }),
    findOrgNames(ctx.db, orgId),
  ]);
  return { rows, period, org: org ?? { name: '', nameEn: '' } };
}

/** The official statistics table as an Excel workbook: a Chinese sheet and an English sheet. */
export async function exportOfficialReportXlsx(
  ctx: UseCaseContext,
  o: { actor: Actor; orgId?: string; from?: string; to?: string },
): Promise<Buffer> {
  const { rows, period, org } = await prepare(ctx, o);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Accord';
  wb.created = ctx.clock.now();
  for (const lang of ['zh', 'en'] as const) {
    const h = officialReportHeadings[lang];
    const ws = wb.addWorksheet(lang === 'zh' ? '统计表' : 'Statistics');
    ws.addRow([h.title]).font = { bold: true, size: 14 };
    ws.addRow([lang === 'zh' ? org.name : org.nameEn]);
    ws.addRow([h.period, `${period.from} – ${period.to}`]);
    const [header, ...body] = tableOf(rows, lang);
    const headerRow = ws.addRow(header!);
    headerRow.font = { bold: true };
    headerRow.alignment = { wrapText: true, vertical: 'middle' };
    for (const r of body) {
      const row = ws.addRow(r);
      if (r === body[body.length - 1]) row.font = { bold: true };
    }
    ws.getColumn(1).width = lang === 'zh' ? 16 : 34;
    for (let c = 2; c <= header!.length; c++) ws.getColumn(c).width = 16;
    ws.getColumn(2).numFmt = '#,##0';
    ws.getColumn(3).numFmt = '#,##0';
    ws.getColumn(4).numFmt = '0.0%';
    ws.getColumn(5).numFmt = '#,##0.00';
    for (let c = 6; c <= header!.length; c++) ws.getColumn(c).numFmt = '#,##0';
    ws.views = [{ state: 'frozen', ySplit: 4, xSplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The official statistics table as CSV, UTF-8 with a byte-order mark so Excel reads Chinese. */
export async function exportOfficialReportCsv(
  ctx: UseCaseContext,
  o: { actor: Actor; orgId?: string; from?: string; to?: string; lang?: ReportLanguage },
): Promise<string> {
  const { rows } = await prepare(ctx, o);
  const table = tableOf(rows, o.lang ?? 'zh').map((r) =>
    r.map((v, i) => (i === 3 && typeof v === 'number' ? v.toFixed(4) : (v ?? ''))),
  );
  return '\uFEFF' + stringify(table, { record_delimiter: '\r\n' });
}
