import { sql } from 'kysely';
import { z } from 'zod';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';

export function registerHealthRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => {
      await sql`select 1`.execute(deps.db);
      return { status: 'ok' as const };
    },
  );
}
