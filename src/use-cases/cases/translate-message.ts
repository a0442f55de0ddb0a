import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isKnownLanguage } from '../../domain/language-families.js';
import type { MachineTranslator, MessageTranslation } from '../../domain/machine-translator.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  findMessage,
  updateMessageTranslations,
} from '../../db/repositories/message-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireCaseRelation } from './require-visible-case.js';

/**
 * Adds (or replaces) the translation of a message into one language. An interpreter, mediator
 * or officer writes it, or asks the configured machine translator; the translation records
 * which, and who. Without a configured translator a machine request is refused.
 */
export async function translateMessage(
  ctx: UseCaseContext & { translator?: MachineTranslator },
  opts: {
    actor: Actor;
    caseId: string;
    messageId: string;
    language: string;
    text?: string;
    machine?: boolean;
  },
) {
  const c = await requireCaseRelation(ctx.db, opts.actor, opts.caseId, [
    'mediator',
    'officer',
    'director',
  ]);
  const m = await findMessage(ctx.db, opts.caseId, opts.messageId);
  if (!m) throw new AppError('NOT_FOUND');
  if (!isKnownLanguage(opts.language) || opts.language === m.language) {
    throw new AppError('VALIDATION_FAILED', { field: 'language' });
  }
  let text = opts.text;
  let provider: string | null = null;
  if (opts.machine) {
    if (!ctx.translator) {
      throw new AppError('VALIDATION_FAILED', {
        field: 'machine',
        details: { reason: 'no_machine_translator_configured' },
      });
    }
    text = await ctx.translator.translate(m.body, m.language, opts.language);
    provider = ctx.translator.name;
  }
  if (!text) throw new AppError('VALIDATION_FAILED', { field: 'text' });
  const at = ctx.clock.now().toISOString();
  const translation: MessageTranslation = {
    language: opts.language,
    text,
    method: opts.machine ? 'machine' : 'human',
    translatedBy: { userId: opts.actor.userId, name: opts.actor.displayName },
    provider,
    at,
  };
  const previous = m.translations_json;
  const next = JSON.stringify([
    ...(JSON.parse(previous) as MessageTranslation[]).filter((t) => t.language !== opts.language),
    translation,
  ]);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateMessageTranslations(trx, m.id, previous, next))) {
      throw new AppError('VERSION_CONFLICT');
    }
    await appendAuditEvent(trx, {
      orgId: c.orgId,
      caseId: opts.caseId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'message.translate',
      entityType: 'message',
      entityId: m.id,
      summary: { language: opts.language, method: translation.method, provider },
      at,
    });
  });
  return translation;
}
