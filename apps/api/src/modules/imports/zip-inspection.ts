import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/**
 * How far an uploaded workbook may unpack. The 2025 DMA data file is 96 KB and unpacks to 0.5 MB
 * in 50 entries, the largest 135 KB at a ratio of 16 to 1: these limits leave a hundredfold margin
 * for larger files to come, and refuse zip bombs (a few MB unpacking to gigabytes) before anything
 * is parsed.
 */
export const XLSX_LIMITS = {
  /** Entries in the zip's central directory. */
  maxEntries: 2000,
  /** Uncompressed bytes of all entries together, declared and actually inflated. */
  maxTotalBytes: 50 * 1024 * 1024,
  /** Uncompressed ÷ compressed size, of the whole file and of any entry over `ratioFromBytes`. */
  maxRatio: 200,
  ratioFromBytes: 1024 * 1024,
};
export type ZipLimits = typeof XLSX_LIMITS;

/** The zip is refused; `problem` says why in plain English. */
export class ZipRefusedError extends Error {
  constructor(readonly problem: string) {
    super(problem);
  }
}

export interface UnpackedEntry {
  name: string;
  /** Its own ArrayBuffer (never a slice of a shared pool), so it can be transferred to a worker. */
  data: Uint8Array;
}

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function open(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    ),
  );
}

/** Every entry of the central directory, without inflating anything. */
function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/**
 * Checks what the declared sizes promise before inflating anything: the number of entries, each
 * entry's and the total uncompressed size, and the compression ratio.
 */
export function checkDeclared(
  fileBytes: number,
  entries: Array<Pick<yauzl.Entry, 'fileName' | 'uncompressedSize' | 'compressedSize'>>,
  limits: ZipLimits = XLSX_LIMITS,
): void {
  const tooLarge = `It would unpack to more than ${MB(limits.maxTotalBytes)}: a DMA data file unpacks to a few MB.`;
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) throw new ZipRefusedError(tooLarge);
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > limits.ratioFromBytes && ratio > limits.maxRatio)
      throw new ZipRefusedError(
        `Part of it (${entry.fileName}) is compressed ${Math.round(ratio)} to 1, far more than a real workbook.`,
      );
  }
  if (total > limits.ratioFromBytes && total / Math.max(fileBytes, 1) > limits.maxRatio)
    throw new ZipRefusedError(
      `It is compressed ${Math.round(total / fileBytes)} to 1, far more than a real workbook.`,
    );
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
  );
}

/**
 * Unpacks an .xlsx (a zip) within limits, or throws ZipRefusedError. The central directory is
 * checked first (entries, declared sizes, ratio); then each entry is inflated as a stream, counting
 * the bytes actually produced: an entry producing more than it declared is refused at once (yauzl
 * checks each entry against its declared size), and so is a total past the limit. Inflating runs
 * in zlib's thread pool a chunk at a time, so the event loop stays free.
 */
export async function unpackXlsx(buffer: Buffer, limits: ZipLimits = XLSX_LIMITS): Promise<UnpackedEntry[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await open(buffer);
  } catch {
    throw new ZipRefusedError('The file is not an Excel workbook (.xlsx).');
  }
  try {
    if (zip.entryCount > limits.maxEntries)
      throw new ZipRefusedError(
        `It holds ${zip.entryCount} parts, more than the ${limits.maxEntries} a workbook may have.`,
      );
    let entries: yauzl.Entry[];
    try {
      entries = await listEntries(zip);
    } catch {
      throw new ZipRefusedError('The file is not an Excel workbook (.xlsx): its contents list is damaged.');
    }
    const files = entries.filter((e) => !e.fileName.endsWith('/'));
    checkDeclared(buffer.length, files, limits);
    const names = new Set<string>();
    for (const entry of files) {
      if (names.has(entry.fileName))
        throw new ZipRefusedError(`The file is damaged: it holds ${entry.fileName} twice.`);
      names.add(entry.fileName);
      if (entry.isEncrypted())
        throw new ZipRefusedError('The file is encrypted: save it without a password.');
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
        throw new ZipRefusedError(
          'The file is not an Excel workbook (.xlsx): it uses an unknown compression.',
        );
    }

    const unpacked: UnpackedEntry[] = [];
    let total = 0;
    for (const entry of files) {
      const data = new Uint8Array(entry.uncompressedSize);
      let at = 0;
      let stream: Readable;
      try {
        stream = await openStream(zip, entry);
      } catch {
        throw new ZipRefusedError(`The file is damaged: ${entry.fileName} cannot be read.`);
      }
      await new Promise<void>((resolve, reject) => {
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (at + chunk.length > data.length || total > limits.maxTotalBytes) {
            (stream as Readable & { destroy(): void }).destroy();
            reject(
              new ZipRefusedError(
                total > limits.maxTotalBytes
                  ? `It unpacks to more than ${MB(limits.maxTotalBytes)}: a DMA data file unpacks to a few MB.`
                  : `The file is damaged: ${entry.fileName} holds more than its stated size.`,
              ),
            );
            return;
          }
          data.set(chunk, at);
          at += chunk.length;
        });
        stream.once('end', resolve);
        stream.once('error', (error: Error) =>
          reject(
            new ZipRefusedError(
              /too many bytes/.test(error.message)
                ? `The file is damaged: ${entry.fileName} holds more than its stated size.`
                : `The file is damaged: ${entry.fileName} cannot be read.`,
            ),
          ),
        );
      });
      if (at !== data.length)
        throw new ZipRefusedError(`The file is damaged: ${entry.fileName} is cut short.`);
      unpacked.push({ name: entry.fileName, data });
    }
    return unpacked;
  } finally {
    zip.close();
  }
}
