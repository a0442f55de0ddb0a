import { z } from 'zod';
import {
  documentKinds,
  generateCaseDocument,
} from '../../use-cases/documents/generate-case-document.js';
import { generateCaseDossier } from '../../use-cases/documents/generate-case-dossier.js';
import { generateCaseDossierZip } from '../../use-cases/documents/generate-case-dossier-zip.js';
import { requireActor } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';

const documentFiles = documentKinds.map((k) => `${k}.pdf` as const);

const langQuery = z.strictObject({
  lang: z
    .string()
    .regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/)
    .optional(),
});

export function registerDocumentRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/cases/:id/documents/:file',
    {
      schema: {
        tags: ['documents'],
        summary:
          'A case document as PDF: agreement, certificate, confirmation-application, litigation-referral, session-record or notice-of-rights',
        params: z.strictObject({
          id: z.string().max(64),
          file: z.enum(documentFiles as [string, ...string[]]),
        }),
        querystring: langQuery,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const kind = documentKinds.find((k) => `${k}.pdf` === req.params.file)!;
      const doc = await generateCaseDocument(deps, {
        actor,
        caseId: req.params.id,
        kind,
        lang: req.query.lang,
      });
      reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${doc.filename}"`)
        .header('cache-control', 'private, no-store');
      if (doc.sha256) reply.header('x-document-sha256', doc.sha256);
      return reply.send(doc.pdf);
    },
  );

  app.get(
    '/api/v1/cases/:id/dossier.pdf',
    {
      schema: {
        tags: ['documents'],
        summary:
          'The case file (卷宗) as one PDF: cover, contents, every document in the fixed order',
        params: z.strictObject({ id: z.string().max(64) }),
        querystring: langQuery,
      },
    },
    async (req, reply) => {
      const d = await generateCaseDossier(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        lang: req.query.lang,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${d.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(d.pdf));
    },
  );

  app.get(
    '/api/v1/cases/:id/dossier.zip',
    {
      schema: {
        tags: ['documents'],
        summary: 'The dossier PDF plus every original uploaded file and a SHA-256 manifest',
        params: z.strictObject({ id: z.string().max(64) }),
        querystring: langQuery,
      },
    },
    async (req, reply) => {
      const archive = await generateCaseDossierZip(deps, {
        actor: requireActor(req),
        caseId: req.params.id,
        lang: req.query.lang,
      });
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${archive.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(archive.zip);
    },
  );
}
