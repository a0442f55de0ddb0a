import { z } from 'zod';
import {
  documentKinds,
  generateCaseDocument,
} from '../../use-cases/documents/generate-case-document.js';
import { requireActor } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';

const documentFiles = documentKinds.map((k) => `${k}.pdf` as const);

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
        querystring: z.strictObject({
          lang: z
            .string()
            .regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/)
            .optional(),
        }),
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
}
