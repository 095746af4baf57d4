import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readSheetsInWorker, WORKER_LIMITS, WorkerRefusedError } from './read-in-worker.js';
import { unpackXlsx } from './zip-inspection.js';

const DMA_2025 = resolve(
  import.meta.dirname,
  '../../../data/dma/NHSE_DMA_2025_Data_Report_published_2026-03-30.xlsx',
);

describe('reading a workbook in a worker thread', () => {
  it('reads the sheets into plain cell values', async () => {
    const sheets = await readSheetsInWorker(await unpackXlsx(readFileSync(DMA_2025)));
    expect(sheets).toHaveLength(6);
    expect(sheets.every((s) => s.rows.length > 0)).toBe(true);
  }, 60_000);

  it('stops the worker past its time or memory limit, and the next parse still runs', async () => {
    const file = readFileSync(DMA_2025);
    await expect(
      readSheetsInWorker(await unpackXlsx(file), { ...WORKER_LIMITS, timeoutMs: 1 }),
    ).rejects.toBeInstanceOf(WorkerRefusedError);
    await expect(
      readSheetsInWorker(await unpackXlsx(file), {
        ...WORKER_LIMITS,
        maxOldGenerationSizeMb: 4,
        maxYoungGenerationSizeMb: 1,
      }),
    ).rejects.toBeInstanceOf(WorkerRefusedError);
    await expect(readSheetsInWorker(await unpackXlsx(file))).resolves.toHaveLength(6);
  }, 60_000);
});
