import { changeEvidenceVisibility } from '../../use-cases/cases/change-evidence-visibility.js';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../domain/app-error.js';
import { documentVisibilities, type DocumentVisibility } from '../../domain/document-visibility.js';
import { caucusChannels, type CaucusChannel } from '../../domain/message-channels.js';
import { evidenceTypes } from '../../domain/sniff-evidence-type.js';
import { openDocumentStore } from '../../documents/store/open-document-store.js';
import { listEvidence } from '../../use-cases/cases/list-evidence.js';
import { readEvidence } from '../../use-cases/cases/read-evidence.js';
import { uploadEvidence } from '../../use-cases/cases/upload-evidence.js';
import { requireActor } from '../authenticate-request.js';
import { readUploadedFile } from '../read-uploaded-file.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';
import { caseIdParams } from './case-routes.js';

export const documentView = z.object({
  id: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  visibility: z.string(),
  messageId: z.string().nullable(),
  /** The private caucus the file was shared in, or null. */
  channel: z.string().nullable(),
  createdAt: z.string(),
});

/** RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name (Arabic and Chinese names survive). */
function contentDisposition(filename: string, disposition: 'attachment' | 'inline'): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Sniffed types a browser may show in place (images and PDF); everything else downloads. */
const previewableTypes = new Set(['image/png', 'image/jpeg', 'image/webp', 'application/pdf']);

/**
 * The policy a previewed file is shown under: no scripts, no network, no forms. An image needs
 * only itself. Chromium's PDF viewer refuses documents in a CSP sandbox, so a PDF gets every
 * fetch, script and frame source closed instead (its own viewer is not a page script).
 */
function previewPolicy(mediaType: string): string {
  return mediaType === 'application/pdf'
    ? "default-src 'none'; object-src 'self'; frame-ancestors 'self'; form-action 'none'; base-uri 'none'"
    : "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
}

/**
 * The type a stored file is sent with: its sniffed type if it is on today's allow-list, else
 * bytes (a row recorded under older rules, an SVG or HTML page, is never served as itself).
 */
function downloadContentType(mediaType: string): string {
  if (mediaType === 'text/plain') return 'text/plain; charset=utf-8';
  return mediaType in evidenceTypes ? mediaType : 'application/octet-stream';
}

export function registerEvidenceRoutes(app: AppInstance, deps: AppDeps): void {
  const ctx = { ...deps, store: openDocumentStore(deps.config) };

  // Multipart parsing only where uploads are expected, with the configured size limit.
  app.register(async (plain) => {
    await plain.register(multipart, {
      limits: { fileSize: deps.config.uploadLimitBytes, files: 1, fields: 4, parts: 5 },
      throwFileSizeLimit: true,
    });
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.post(
      '/api/v1/cases/:id/documents',
      {
        schema: {
          tags: ['evidence'],
          summary:
            'Upload evidence (multipart, one file; optional field or query `visibility`: all | team | committee). The type is sniffed from the content',
          description:
            "Optional field or query `channel` (caucus_applicant | caucus_respondent) shares the file in that private caucus only: the other side never sees it. A party's upload notifies the team and the officers (`evidence.uploaded`).",
          params: caseIdParams,
          querystring: z.strictObject({
            visibility: z.enum(documentVisibilities).optional(),
            channel: z.enum(caucusChannels).optional(),
          }),
          consumes: ['multipart/form-data'],
          response: { 201: documentView },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const file = await readUploadedFile(req);
        const field = file.fields.visibility;
        const fromForm =
          field && !Array.isArray(field) && field.type === 'field'
            ? String(field.value)
            : undefined;
        const visibility = fromForm ?? req.query.visibility ?? 'all';
        if (!(documentVisibilities as readonly string[]).includes(visibility)) {
          throw new AppError('VALIDATION_FAILED', { field: 'visibility' });
        }
        const channelField = file.fields.channel;
        const channel =
          (channelField && !Array.isArray(channelField) && channelField.type === 'field'
            ? String(channelField.value)
            : undefined) ?? req.query.channel;
        if (channel !== undefined && !(caucusChannels as readonly string[]).includes(channel)) {
          throw new AppError('VALIDATION_FAILED', { field: 'channel' });
        }
        const r = await uploadEvidence(ctx, {
          actor,
          caseId: req.params.id,
          bytes: file.bytes,
          clientFilename: file.filename,
          visibility: visibility as DocumentVisibility,
          channel: (channel as CaucusChannel | undefined) ?? null,
        });
        return reply.status(201).send({ ...r, messageId: null });
      },
    );
  });

  app.get(
    '/api/v1/cases/:id/documents',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Evidence of a case that the caller may see',
        params: caseIdParams,
        response: { 200: z.object({ items: z.array(documentView) }) },
      },
    },
    async (req) => ({
      items: await listEvidence(ctx, { actor: requireActor(req), caseId: req.params.id }),
    }),
  );

  app.patch(
    '/api/v1/cases/:id/documents/:documentId',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Change who may see a piece of evidence (all | team | committee), audited',
        description:
          "The committee's officers and director set any level; the case's mediators choose between team and all. Parties cannot. A file shared in a private caucus keeps its level and its caucus: it is never widened to the other side. `reason` is optional and goes to the audit trail.",
        params: z.strictObject({ id: z.string().max(64), documentId: z.uuid() }),
        body: z.strictObject({
          visibility: z.enum(documentVisibilities),
          reason: z.string().trim().max(1000).optional(),
        }),
        response: { 200: documentView },
      },
    },
    async (req) =>
      changeEvidenceVisibility(ctx, {
        actor: requireActor(req),
        caseId: req.params.id,
        documentId: req.params.documentId,
        visibility: req.body.visibility,
        reason: req.body.reason ? req.body.reason : null,
      }),
  );

  app.get(
    '/api/v1/cases/:id/documents/:documentId/content',
    {
      schema: {
        tags: ['evidence'],
        summary:
          'Download a piece of evidence (authorisation re-checked); `?preview=1` shows images and PDFs in the browser',
        description:
          'Only files whose sniffed type is PNG, JPEG, WebP or PDF are ever served inline, with `X-Content-Type-Options: nosniff` and a restrictive Content-Security-Policy; any other file is an attachment whatever the query says.',
        params: z.strictObject({ id: z.string().max(64), documentId: z.uuid() }),
        querystring: z.strictObject({ preview: z.enum(['1']).optional() }),
      },
    },
    async (req, reply) => {
      const d = await readEvidence(ctx, {
        actor: requireActor(req),
        caseId: req.params.id,
        documentId: req.params.documentId,
      });
      const inline = req.query.preview === '1' && previewableTypes.has(d.mediaType);
      return (
        reply
          .header('content-type', downloadContentType(d.mediaType))
          .header(
            'content-disposition',
            contentDisposition(d.filename, inline ? 'inline' : 'attachment'),
          )
          .header('x-content-type-options', 'nosniff')
          // Even if a browser were made to render it, the file gets no origin, scripts or plugins.
          .header(
            'content-security-policy',
            inline ? previewPolicy(d.mediaType) : "sandbox; default-src 'none'",
          )
          .header('cache-control', 'private, no-store')
          .send(d.bytes)
      );
    },
  );
}
