import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../../domain/app-error.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';

/** Where `npm run build:web` (vite.config.ts) writes the web application. */
export const webDistDir = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/**
 * Serves the built web application under `/`, beside the API under `/api`. Hashed files under
 * /assets never change, so browsers may keep them for a year; index.html is revalidated on every
 * visit so that a new release is picked up at once. Any other path that is not an API path is a
 * client-side route and gets index.html. Registered last, so every API route wins over the
 * catch-all. Without a build (API-only deployments, most tests) nothing is registered.
 */
export function registerWebRoutes(app: AppInstance, _deps: AppDeps): void {
  const indexFile = join(webDistDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn({ webDistDir }, 'web application not built; serving the API only');
    return;
  }
  void app.register(fastifyStatic, { root: webDistDir, serve: false });

  const sendIndex = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });

  app.get('/assets/*', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const rel = normalize((req.params as { '*': string })['*']);
    return reply.sendFile(join('assets', rel), { maxAge: 365 * 24 * 3600 * 1000, immutable: true });
  });

  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    // An unknown API path is an API error, never the web page.
    if (path === '/api' || path.startsWith('/api/')) throw new AppError('NOT_FOUND');
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      throw new AppError('NOT_FOUND');
    }
    const rel = normalize(decoded).replace(/^[/\\]+/, '');
    if (rel && !rel.startsWith('..') && rel !== 'index.html') {
      const file = join(webDistDir, rel);
      if (file.startsWith(webDistDir) && existsSync(file) && statSync(file).isFile()) {
        return reply.header('cache-control', 'no-cache').sendFile(rel, { cacheControl: false });
      }
    }
    return sendIndex(reply);
  });
}
