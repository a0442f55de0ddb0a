import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';

/**
 * Platform routes (creating and listing committees) belong to the platform administrator only.
 * Everybody else, a committee's director included, gets NOT_FOUND: the platform is nobody's
 * organisation, so the committee rule's 403 ("yours, but not your role") never applies
 * (ARCHITECTURE.md, committee-level routes). Anonymous callers are refused (401) before.
 */
export function requirePlatformAdmin(actor: Actor): void {
  if (actor.platformAdmin !== true) throw new AppError('NOT_FOUND');
}
