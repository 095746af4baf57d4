// `npm run bench:import`: what reading a DMA data file costs, for the real 2025 file and for hostile
// ones (a zip bomb, a bomb lying about its sizes, a workbook within the size limits but costly to
// read). Prints, for each, the outcome, the wall time, the peak memory of the process (the worker
// thread included) and the longest stall of the event loop. Asserts nothing.
// `node scripts/bench-import.mjs --unguarded` also loads the bomb the way main did before the limits
// (ExcelJS on the whole file, in the process), in a child process capped at 8 GB and 5 minutes.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readDmaWorkbook } from '../apps/api/dist/modules/imports/dma-workbook.js';
import { bombSheet, buildZip } from '../apps/api/dist/modules/imports/zip-fixtures.js';
import { unpackXlsx } from '../apps/api/dist/modules/imports/zip-inspection.js';

const DMA_2025 = new URL(
  '../apps/api/data/dma/NHSE_DMA_2025_Data_Report_published_2026-03-30.xlsx',
  import.meta.url,
);
const MB = 1024 * 1024;
const real = readFileSync(DMA_2025);
const realEntries = await unpackXlsx(real);

/** The real file with its first pillar sheet replaced. */
const withSheet = (sheet) =>
  buildZip(
    realEntries.map(({ name, data }) =>
      name === 'xl/worksheets/sheet2.xml' ? { name, ...sheet } : { name, content: Buffer.from(data) },
    ),
  );

/** About `bytes` of rows that differ (so they compress only about 10 to 1): costly, not a bomb. */
function denseSheet(bytes) {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  let size = parts[0].length;
  for (let r = 1; size < bytes; r++) {
    const row = `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>row ${r}</t></is></c><c r="C${r}"><v>${(r * 7919) % 1000003}</v></c></row>`;
    parts.push(row);
    size += row.length;
  }
  parts.push('</sheetData></worksheet>');
  return Buffer.from(parts.join(''));
}

const files = [
  ['the published 2025 file', real],
  ['zip bomb (300 MB of rows)', await withSheet({ content: bombSheet(300 * MB) })],
  ['zip bomb lying about its size', await withSheet({ content: bombSheet(300 * MB), declaredSize: 134_879 })],
  [
    'dense workbook within the size limits (45 MB of distinct rows)',
    await withSheet({ content: denseSheet(45 * MB) }),
  ],
];

const mb = (bytes) => `${(bytes / MB).toFixed(0)} MB`;

async function measure(label, file) {
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  let outcome;
  try {
    const parsed = await readDmaWorkbook(file);
    outcome = `read: ${parsed.providers.length} providers, ${parsed.icbs.length} ICBs`;
  } catch (error) {
    outcome = `refused: ${error.problems?.[0] ?? error.message}`;
  }
  const ms = performance.now() - started;
  delay.disable();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`${label} (${(file.length / 1024).toFixed(0)} KB)`);
  console.log(`  ${outcome}`);
  console.log(
    `  ${(ms / 1000).toFixed(2)} s; peak memory ${mb(peak)} (+${mb(peak - baseline)}); ` +
      `longest event-loop stall ${(delay.max / 1e6).toFixed(0)} ms`,
  );
}

console.log(`Node ${process.version}; limits: see apps/api/src/modules/imports/zip-inspection.ts\n`);
for (const [label, file] of files) await measure(label, file);

if (process.argv.includes('--unguarded')) {
  const path = join(tmpdir(), `wgll-bomb-${process.pid}.xlsx`);
  writeFileSync(path, files[1][1]);
  console.log('\nBefore the limits: ExcelJS loads the zip bomb in the process');
  const child = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=8192',
      '--input-type=module',
      '-e',
      `import ExcelJS from 'exceljs'; import { readFileSync } from 'node:fs';
       let peak = 0; setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50).unref();
       const started = performance.now();
       try { await new ExcelJS.Workbook().xlsx.load(readFileSync(${JSON.stringify(path)})); console.log('  loaded'); }
       catch (e) { console.log('  failed: ' + e.message); }
       console.log('  ' + ((performance.now() - started) / 1000).toFixed(1) + ' s; peak memory ' + (Math.max(peak, process.memoryUsage().rss) / 1048576).toFixed(0) + ' MB; the event loop blocked throughout');`,
    ],
    { cwd: join(import.meta.dirname, '../apps/api'), stdio: 'inherit', timeout: 300_000 },
  );
  if (child.error) console.log(`  stopped: ${child.error.message}`);
  rmSync(path, { force: true });
}
