/**
 * The evidence types a case accepts, decided from the content (magic numbers, via file-type),
 * never from the client's name or Content-Type. Executables, archives, scripts and HTML are
 * not evidence and are refused.
 */
export const evidenceTypes: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/plain': 'txt',
};

/** Plain UTF-8 text (chat exports, e-mails pasted to a file): no control characters but tabs and line ends. */
export function isPlainText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
}

/** A display name that is safe to echo back: no path, no control characters, the true extension. */
export function safeFilename(clientName: string | undefined, extension: string): string {
  const base = (clientName ?? '')
    .split(/[\\/]/)
    .pop()!
    // Control characters, and the bidirectional and invisible format characters that make
    // `invoice\u202Efdp.exe` display as `invoiceexe.pdf`.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F"<>|:*?\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '')
    .trim()
    .slice(0, 150);
  const stem = base.replace(/\.[^.]*$/, '') || 'evidence';
  return `${stem}.${extension}`;
}
