import { z } from 'zod';
import {
  exportOfficialReportCsv,
  exportOfficialReportXlsx,
} from '../../use-cases/stats/export-official-report.js';
import { requireActor } from '../authenticate-request.js';
import type { AppDeps } from '../app-deps.js';
import type { AppInstance } from '../build-app.js';
import { periodQuery } from './stats-routes.js';

export function registerReportRoutes(app: AppInstance, deps: AppDeps): void {
  const query = z.strictObject({ ...periodQuery, orgId: z.string().max(64).optional() });
  const filename = (from: string | undefined, to: string | undefined, ext: string) =>
    `official-statistics-${from ?? 'start'}-${to ?? 'today'}.${ext}`.replace(/[^\w.-]/g, '');

  app.get(
    '/api/v1/reports/official.xlsx',
    {
      schema: {
        tags: ['reports'],
        summary: "People's-mediation statistics table (Excel: zh and en sheets)",
        querystring: query,
      },
    },
    async (req, reply) => {
      const buf = await exportOfficialReportXlsx(deps, { actor: requireActor(req), ...req.query });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="${filename(req.query.from, req.query.to, 'xlsx')}"`,
        )
        .send(buf);
    },
  );

  app.get(
    '/api/v1/reports/official.csv',
    {
      schema: {
        tags: ['reports'],
        summary: "People's-mediation statistics table (CSV, UTF-8 with BOM)",
        querystring: query.extend({ language: z.enum(['zh', 'en']).optional() }),
      },
    },
    async (req, reply) => {
      const { language, ...rest } = req.query;
      const csv = await exportOfficialReportCsv(deps, {
        actor: requireActor(req),
        ...rest,
        lang: language,
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${filename(req.query.from, req.query.to, 'csv')}"`,
        )
        .send(csv);
    },
  );
}
