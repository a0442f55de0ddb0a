import { z } from 'zod';
import { verifyDocumentHash } from '../../use-cases/documents/verify-document-hash.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';

export function registerVerifyRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/verify/:hash',
    {
      config: { public: true },
      schema: {
        tags: ['documents'],
        summary: 'Whether a SHA-256 printed on a document belongs to a signed or filed document',
        params: z.strictObject({ hash: z.string().regex(/^[0-9a-fA-F]{64}$/) }),
        response: { 200: z.object({ status: z.enum(['valid', 'unknown']) }) },
      },
    },
    async (req) => verifyDocumentHash(deps, { hash: req.params.hash }),
  );
}
