// Runs in a worker thread (see read-in-worker.ts): turns the entries of an .xlsx, already unpacked
// and checked against the size limits, into plain cell values, sheet by sheet. ExcelJS can still
// take time and memory on a hostile but small workbook; here that costs the worker, not the server.
//
// Plain JavaScript on purpose: the same file runs from the build (dist) and under Jest, which cannot
// load TypeScript into a worker thread. It only reads; the DMA rules live in dma-workbook.ts.
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';

/** @type {{ entries: Array<{ name: string, data: Uint8Array }> }} */
const { entries } = workerData;

// ExcelJS reads a zip: hand it exactly the verified content, stored without compression.
const files = Object.create(null);
for (const { name, data } of entries) files[name] = [data, { level: 0 }];
const zip = zipSync(files, { level: 0 });

const workbook = new ExcelJS.Workbook();
let loaded = true;
try {
  await workbook.xlsx.load(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
} catch {
  loaded = false;
}

if (!loaded) {
  parentPort.postMessage({ notWorkbook: true });
} else {
  const sheets = workbook.worksheets.map((sheet) => {
    /** @type {Array<[number, Array<[number, unknown]>]>} rows with values: [row number, [[column, value]…]] */
    const rows = [];
    sheet.eachRow((row, number) => {
      /** @type {Array<[number, unknown]>} */
      const cells = [];
      row.eachCell((cell, column) => cells.push([column, cell.value]));
      rows.push([number, cells]);
    });
    return { name: sheet.name, rowCount: sheet.rowCount, rows };
  });
  parentPort.postMessage({ sheets });
}
