import { fileTypeFromBuffer } from 'file-type';
import yauzl from 'yauzl';
import { AppError } from '../../domain/app-error.js';
import { evidenceTypes, isPlainText } from '../../domain/sniff-evidence-type.js';

/**
 * The upload rules of ADR 0016 for evidence and admission documents, decided from the bytes
 * alone: the type is sniffed (file-type, or strict UTF-8 text) and must be on the allow-list;
 * an OOXML document (a zip) is refused when its central directory declares too much
 * uncompressed data, an extreme ratio, too many entries, unsafe entry names, macros or nested
 * archives (nothing is extracted); any other binary type is refused when it is also something
 * else: HTML or script markup at its start, or a zip directory at its end.
 */
export const uploadRules = {
  /** Declared uncompressed total of an OOXML document. */
  maxUncompressedBytes: 200 * 1024 * 1024,
  /** Declared uncompressed / compressed of any entry larger than `ratioFloorBytes`. */
  maxEntryRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 5000,
  /** How far into a file browsers look when they sniff for HTML. */
  markupWindowBytes: 1024,
} as const;

const refuse = (reason: string) => new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { reason } });

// Tags a browser or viewer would treat as a page or script if the file were ever rendered as one.
const markup =
  /<\s*(?:!doctype\s+html|html|head|body|script|iframe|frame|frameset|svg|object|embed|applet|meta|link|style|base|form|img\s[^>]*\bon[a-z]+\s*=)|javascript:/i;
const ZIP_END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

interface ZipEntrySummary {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** The central directory of a zip, read from the buffer; rejects what yauzl finds malformed. */
function readZipDirectory(bytes: Buffer): Promise<ZipEntrySummary[]> {
  return new Promise((resolve, reject) => {
    // validateEntrySizes is about extraction; the names are checked by yauzl as entries are read.
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const entries: ZipEntrySummary[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push({
          name: e.fileName,
          compressed: e.compressedSize,
          uncompressed: e.uncompressedSize,
        });
        if (entries.length > uploadRules.maxEntries) {
          zip.close();
          return reject(refuse('zip_too_many_entries'));
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function requireSafeOfficeDocument(bytes: Buffer): Promise<void> {
  let entries: ZipEntrySummary[];
  try {
    entries = await readZipDirectory(bytes);
  } catch (e) {
    if (e instanceof AppError) throw e;
    // yauzl refuses absolute and `..` names, broken directories and overlapping entries.
    throw refuse('zip_malformed');
  }
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    const ratio = e.uncompressed / Math.max(1, e.compressed);
    if (e.uncompressed > uploadRules.ratioFloorBytes && ratio > uploadRules.maxEntryRatio) {
      throw refuse('zip_bomb');
    }
    if (/(^|\/)vbaProject\.bin$/i.test(e.name)) throw refuse('zip_macro');
    if (/\.(zip|jar|rar|7z|gz|exe|dll|js|vbs|bat|cmd|ps1|sh)$/i.test(e.name)) {
      throw refuse('zip_nested_archive_or_program');
    }
  }
  if (total > uploadRules.maxUncompressedBytes) throw refuse('zip_bomb');
}

function requireSingleType(bytes: Buffer): void {
  const head = bytes.subarray(0, uploadRules.markupWindowBytes).toString('latin1');
  if (markup.test(head)) throw refuse('polyglot_markup');
  // A zip reader starts from the end: an end-of-directory record in the last 64 KiB (+22)
  // makes the file an archive as well, whatever its first bytes say.
  const tail = bytes.subarray(Math.max(0, bytes.length - (0xffff + 22)));
  if (tail.includes(ZIP_END_OF_DIRECTORY)) throw refuse('polyglot_archive');
}

/** The sniffed media type and extension of an acceptable upload; anything else is refused. */
export async function requireAcceptableUpload(
  bytes: Buffer,
): Promise<{ mediaType: string; extension: string }> {
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', { field: 'file' });
  const sniffed = await fileTypeFromBuffer(bytes);
  const mediaType = sniffed?.mime ?? (isPlainText(bytes) ? 'text/plain' : undefined);
  const extension = mediaType ? evidenceTypes[mediaType] : undefined;
  if (!mediaType || !extension) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { detected: mediaType ?? null } });
  }
  // Plain text is served as text/plain, nosniff, attachment: markup inside it stays text.
  if (ZIP_TYPES.has(mediaType)) await requireSafeOfficeDocument(bytes);
  else if (mediaType !== 'text/plain') requireSingleType(bytes);
  return { mediaType, extension };
}
