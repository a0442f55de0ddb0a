import type { FastifyError, FastifyRequest } from 'fastify';
import type { MultipartFields } from '@fastify/multipart';
import { AppError, isAppError } from '../domain/app-error.js';

/**
 * The one file of a multipart upload, read whole (the scope's multipart limits bound it).
 * A body that is not multipart is UNSUPPORTED_MEDIA_TYPE; a malformed one (truncated, no
 * boundary) is the client's mistake, VALIDATION_FAILED on `file`, never a 500. Size limits
 * keep their own codes (413).
 */
export async function readUploadedFile(
  req: FastifyRequest,
): Promise<{ bytes: Buffer; filename: string; fields: MultipartFields }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  try {
    const file = await req.file();
    if (!file) throw new AppError('VALIDATION_FAILED', { field: 'file' });
    return { bytes: await file.toBuffer(), filename: file.filename, fields: file.fields };
  } catch (e) {
    // Busboy's parse errors are plain Errors; Fastify's own (size limits) carry a code.
    if (isAppError(e) || (e as FastifyError).code) throw e;
    throw new AppError('VALIDATION_FAILED', { field: 'file', cause: e });
  }
}
