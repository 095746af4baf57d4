import { Buffer } from 'node:buffer';
import { createDeflateRaw, crc32 } from 'node:zlib';

/**
 * Zip files built on purpose for tests and the import benchmark: hostile ones (bombs, lying sizes,
 * thousands of entries) that no ordinary library writes. Not used by the application itself.
 */
export interface FixtureEntry {
  name: string;
  /** The content, or `repeat` written again and again until `bytes` long (streamed, never held whole). */
  content: Buffer | Repeated;
  /** Store without compression (default: deflate). */
  stored?: boolean;
  /** Lie about the uncompressed size in the local header and central directory. */
  declaredSize?: number;
}

/** `prefix`, then `repeat` again and again, then `suffix`: `bytes` long in all (about). */
export interface Repeated {
  prefix?: string;
  repeat: string;
  bytes: number;
  suffix?: string;
}

async function compress(
  entry: FixtureEntry,
): Promise<{ data: Buffer; crc: number; size: number; method: number }> {
  const chunks: Buffer[] = Buffer.isBuffer(entry.content) ? [entry.content] : repeatChunks(entry.content);
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    crc = crc32(chunk, crc);
    size += chunk.length;
  }
  if (entry.stored) return { data: Buffer.concat(chunks), crc, size, method: 0 };
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  for (const chunk of chunks) {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc, size, method: 8 };
}

/** The same chunk object repeated: a gigabyte costs one megabyte of memory. */
function repeatChunks({ prefix = '', repeat, bytes, suffix = '' }: Repeated): Buffer[] {
  const unit = Buffer.from(repeat);
  const chunk = Buffer.alloc(Math.max(unit.length, Math.floor((1 << 20) / unit.length) * unit.length), unit);
  const chunks: Buffer[] = [Buffer.from(prefix)];
  for (
    let left =
      bytes - prefix.length - suffix.length - ((bytes - prefix.length - suffix.length) % unit.length);
    left > 0;
    left -= chunk.length
  )
    chunks.push(left >= chunk.length ? chunk : chunk.subarray(0, left));
  chunks.push(Buffer.from(suffix));
  return chunks;
}

/** Writes a zip (no zip64) with the given entries, in order. */
export async function buildZip(entries: FixtureEntry[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc, size, method } = await compress(entry);
    const name = Buffer.from(entry.name, 'utf8');
    const declared = entry.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(crc >>> 0, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(declared, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(header, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** A worksheet of about `bytes` of repetitive rows (three cells each): what a bomb unpacks to. */
export function bombSheet(bytes: number): Repeated {
  return {
    prefix:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    repeat: '<row><c t="inlineStr"><is><t>bomb</t></is></c><c><v>1</v></c><c><v>2</v></c></row>',
    bytes,
    suffix: '</sheetData></worksheet>',
  };
}
