import { AppError } from '../../domain/app-error.js';
import { isDocumentLanguage } from '../../documents/document-labels.js';

/**
 * The `?lang=` of a document request, checked before anything is read or rendered: a
 * language the documents are not written in (or no language at all, `zz`) is the caller's
 * mistake, 400 on `lang`, never a silent English copy (DESIGN §6). A region or script subtag
 * is accepted and dropped: `fa-IR` is Persian.
 */
export function requireDocumentLanguage(lang: string | undefined): string | undefined {
  if (lang === undefined) return undefined;
  const base = lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (!isDocumentLanguage(base)) throw new AppError('VALIDATION_FAILED', { field: 'lang' });
  return base;
}
