import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';

/**
 * A minimal POSIX tar (ustar + PAX long names) writer and reader, so that a backup is one file
 * that `tar tf` can list and no extra dependency is needed. Files are streamed in chunks, never
 * held whole in memory, and hashed while they pass through.
 */
const BLOCK = 512;
const CHUNK = 1024 * 1024;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, type: '0' | 'x', mtimeSec: number): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name.slice(0, 100), 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(mtimeSec, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

function paxRecord(key: string, value: string): string {
  // The length prefix counts itself, so find the fixed point.
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len++;
  return `${len}${body}`;
}

export class TarWriter {
  private readonly fd: number;
  private readonly mtime: number;

  constructor(file: string, at: Date) {
    this.fd = openSync(file, 'wx', 0o600);
    this.mtime = Math.floor(at.getTime() / 1000);
  }

  private writeHeader(name: string, size: number): void {
    if (Buffer.byteLength(name) > 100) {
      const pax = Buffer.from(paxRecord('path', name), 'utf8');
      writeSync(this.fd, header('PaxHeader', pax.length, 'x', this.mtime));
      this.writeBody(pax);
    }
    writeSync(this.fd, header(name, size, '0', this.mtime));
  }

  private writeBody(data: Buffer): void {
    writeSync(this.fd, data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) writeSync(this.fd, Buffer.alloc(pad, 0));
  }

  addBuffer(name: string, data: Buffer): void {
    this.writeHeader(name, data.length);
    this.writeBody(data);
  }

  /** Streams a file in; returns its SHA-256. Throws if the file's size differs from `size`. */
  addFile(name: string, source: string, size: number): string {
    this.writeHeader(name, size);
    const hash = createHash('sha256');
    const fd = openSync(source, 'r');
    const buf = Buffer.alloc(CHUNK);
    let total = 0;
    try {
      for (;;) {
        const n = readSync(fd, buf, 0, CHUNK, null);
        if (n === 0) break;
        total += n;
        if (total > size) break;
        hash.update(buf.subarray(0, n));
        writeSync(this.fd, buf, 0, n);
      }
    } finally {
      closeSync(fd);
    }
    if (total !== size) throw new Error(`${name} changed size while it was being archived`);
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad) writeSync(this.fd, Buffer.alloc(pad, 0));
    return hash.digest('hex');
  }

  /** Two zero blocks end the archive; fsync so that a finished backup survives a power cut. */
  finish(): void {
    writeSync(this.fd, Buffer.alloc(BLOCK * 2, 0));
    fsyncSync(this.fd);
    closeSync(this.fd);
  }

  abort(): void {
    closeSync(this.fd);
  }
}

export interface TarEntry {
  name: string;
  size: number;
}

function parseOctal(b: Buffer): number {
  const s = b.toString('ascii').replace(/\0.*$/s, '').trim();
  if (!/^[0-7]*$/.test(s)) throw new Error('not a tar archive');
  return s ? parseInt(s, 8) : 0;
}

function readFully(fd: number, buf: Buffer, length: number): number {
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, null);
    if (n === 0) break;
    got += n;
  }
  return got;
}

export interface TarEntrySink {
  write(chunk: Buffer): void;
  end(): void;
}

/**
 * Reads the archive sequentially. For each regular file, `onEntry` returns a sink that
 * receives the content in chunks and then `end()` (or undefined to skip the entry).
 */
export function readTarArchive(
  file: string,
  onEntry: (e: TarEntry) => TarEntrySink | undefined,
): void {
  const fd = openSync(file, 'r');
  const block = Buffer.alloc(BLOCK);
  const chunk = Buffer.alloc(CHUNK);
  let paxPath: string | undefined;
  try {
    for (;;) {
      if (readFully(fd, block, BLOCK) < BLOCK) throw new Error('truncated archive');
      if (block.every((b) => b === 0)) return;
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
      if (sum !== parseOctal(block.subarray(148, 156))) throw new Error('corrupt tar header');
      const type = String.fromCharCode(block[156]!);
      const size = parseOctal(block.subarray(124, 136));
      const prefix = block.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
      const rawName = block.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
      const name = paxPath ?? (prefix ? `${prefix}/${rawName}` : rawName);
      paxPath = undefined;
      const padded = Math.ceil(size / BLOCK) * BLOCK;

      let sink: TarEntrySink | undefined;
      let pax: Buffer[] | undefined;
      if (type === 'x') {
        const parts: Buffer[] = [];
        pax = parts;
        sink = { write: (c) => parts.push(Buffer.from(c)), end: () => {} };
      } else if (type === '0' || type === '\0') {
        sink = onEntry({ name, size });
      }
      let left = padded;
      let content = size;
      while (left > 0) {
        const want = Math.min(left, CHUNK);
        if (readFully(fd, chunk, want) < want) throw new Error('truncated archive');
        const useful = Math.min(content, want);
        if (sink && useful > 0) sink.write(chunk.subarray(0, useful));
        content -= useful;
        left -= want;
      }
      sink?.end();
      if (pax) {
        const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(Buffer.concat(pax).toString('utf8'));
        paxPath = m?.[1];
      }
    }
  } finally {
    closeSync(fd);
  }
}
