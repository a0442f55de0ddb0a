import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError, type ErrorCode } from '../domain/app-error.js';
import { formatErrorMessage } from '../domain/messages/error-messages.js';
import { negotiateLocale, matchLocale, type Locale } from '../domain/messages/supported-locales.js';

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    field?: string;
    details?: unknown;
    requestId?: string;
  };
}

export function localeOfRequest(req: FastifyRequest): Locale {
  const fromQuery = matchLocale((req.query as Record<string, string> | undefined)?.lang);
  return (
    fromQuery ?? matchLocale(req.actor?.locale) ?? negotiateLocale(req.headers['accept-language'])
  );
}

const isUniqueViolation = (e: unknown): boolean => {
  const code = (e as { code?: unknown })?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
};

/** Turns anything thrown into an AppError; unknown errors become INTERNAL. */
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const first = err.validation[0]!;
    const unknownKeys = (first.params as { keys?: string[] }).keys;
    const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field =
      [path, unknownKeys?.[0]].filter(Boolean).join('.') || String(err.validationContext ?? 'body');
    return new AppError('VALIDATION_FAILED', {
      field,
      details: err.validation.slice(0, 20).map((v) => ({
        field: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        rule: v.keyword,
      })),
    });
  }
  const fe = err as FastifyError;
  switch (fe?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    // No record has an id longer than the router's parameter limit: nothing there to see.
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('NOT_FOUND');
    case 'FST_ERR_BAD_URL':
      return new AppError('VALIDATION_FAILED', { field: 'url' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('INVALID_JSON');
  }
  // JSON.parse / secure-json-parse failures (bad syntax, __proto__ keys) carry a 400 status.
  if (fe?.statusCode === 400 || err instanceof SyntaxError) return new AppError('INVALID_JSON');
  if (fe?.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (fe?.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (fe?.statusCode === 404) return new AppError('NOT_FOUND');
  if (fe?.statusCode === 429) return new AppError('RATE_LIMITED', { params: { minutes: 1 } });
  // A race that reached a unique index: the loser of two identical creations.
  if (isUniqueViolation(err)) return new AppError('ALREADY_EXISTS');
  return new AppError('INTERNAL', { cause: err });
}

export function sendError(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(err);
  if (appError.code === 'INTERNAL') {
    req.log.error({ err }, 'unhandled error');
  } else if (appError.status >= 500) {
    req.log.warn({ code: appError.code }, 'service error');
  }
  const locale = localeOfRequest(req);
  const body: ErrorBody = {
    error: {
      code: appError.code,
      message: formatErrorMessage(locale, appError.code, {
        ...(appError.field ? { field: appError.field } : {}),
        ...appError.params,
      }),
      ...(appError.field ? { field: appError.field } : {}),
      ...(appError.details !== undefined ? { details: appError.details } : {}),
      ...(appError.code === 'INTERNAL' ? { requestId: String(req.id) } : {}),
    },
  };
  const waitMinutes = appError.params.minutes;
  if (appError.code === 'RATE_LIMITED' && typeof waitMinutes === 'number') {
    reply.header('retry-after', String(Math.max(1, Math.round(waitMinutes * 60))));
  }
  return reply.status(appError.status).type('application/json; charset=utf-8').send(body);
}
