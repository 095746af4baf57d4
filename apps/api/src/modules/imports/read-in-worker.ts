import { Worker } from 'node:worker_threads';
import type { CellValue } from 'exceljs';
import type { UnpackedEntry } from './zip-inspection.js';

/** A worksheet as read: its name, ExcelJS's row count, and the rows holding values. */
export interface SheetGrid {
  name: string;
  rowCount: number;
  rows: Array<[number, Array<[number, CellValue]>]>;
}

/** What one parse may use: past either, the worker is stopped and the file refused. */
export const WORKER_LIMITS = {
  /** V8's old generation for the worker (the 2025 file needs about 60 MB). */
  maxOldGenerationSizeMb: 512,
  maxYoungGenerationSizeMb: 32,
  /** Wall-clock time for one parse (the 2025 file takes under a second). */
  timeoutMs: 30_000,
};

/** The worker ran out of time or memory, or failed: the file is too large or complex to read. */
export class WorkerRefusedError extends Error {}
/** ExcelJS could not read the content as a workbook. */
export class NotWorkbookError extends Error {}

const workerUrl = new URL('./dma-workbook.worker.mjs', import.meta.url);

// One parse at a time: each may take up to the memory limit above.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Reads the unpacked entries of a workbook into cell values in a worker thread with a memory limit
 * and a time limit, so a workbook that is small but costly to read (styles, merges, millions of
 * cells) costs the worker, never the server's event loop or heap.
 */
export function readSheetsInWorker(
  entries: UnpackedEntry[],
  limits: typeof WORKER_LIMITS = WORKER_LIMITS,
): Promise<SheetGrid[]> {
  const run = queue.then(() => runWorker(entries, limits));
  queue = run.catch(() => undefined);
  return run;
}

function runWorker(entries: UnpackedEntry[], limits: typeof WORKER_LIMITS): Promise<SheetGrid[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, {
      workerData: { entries },
      transferList: entries.map((e) => e.data.buffer as ArrayBuffer),
      resourceLimits: {
        maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb,
      },
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => finish(() => reject(new WorkerRefusedError(`The worker took over ${limits.timeoutMs} ms`))),
      limits.timeoutMs,
    );
    worker.once('message', (message: { sheets?: SheetGrid[]; notWorkbook?: true }) =>
      finish(() =>
        message.sheets ? resolve(message.sheets) : reject(new NotWorkbookError('Not a workbook')),
      ),
    );
    // Only the memory limit is the file's fault; any other failure (a missing worker file, a crash) is
    // ours, and must not be reported as a bad file.
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerRefusedError(error.message) : error),
      ),
    );
    worker.once('exit', (code) =>
      finish(() => reject(new Error(`The workbook reader stopped unexpectedly (exit code ${code})`))),
    );
  });
}
