import { useMemo, useState } from 'react';

import { toCsv, type CsvValue } from '../csv';
import type { TableAbout } from '../table-about';

interface TableDownloadsProps {
  /** Names the table in the links, for example `peers` → "Download peers table (CSV)". */
  tableName: string;
  /** The file's name, without `.csv` or `.xlsx`: `results-RJ1-2025-26-acute-peers`. */
  fileName: string;
  header: string[];
  rows: CsvValue[][];
  /** What the table is, for the spreadsheet's "About this data" sheet. */
  about: TableAbout;
  /** The spreadsheet's cell shades (`#rrggbb`), in the rows' shape: the page's colour bands. */
  fills?: (string | undefined)[][];
}

/**
 * Under a table: its data as CSV (built at once, a plain link) and as an Excel workbook with an
 * "About this data" sheet. The workbook's code (exceljs) is a chunk of its own, fetched on the click.
 */
export function TableDownloads({ tableName, fileName, header, rows, about, fills }: TableDownloadsProps) {
  const [state, setState] = useState<'idle' | 'working' | 'failed'>('idle');
  const href = useMemo(
    () => `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(header, rows))}`,
    [header, rows],
  );

  async function downloadXlsx() {
    setState('working');
    try {
      const { downloadTableWorkbook } = await import('../xlsx');
      await downloadTableWorkbook(fileName, tableName, { header, rows, fills, about });
      setState('idle');
    } catch {
      setState('failed');
    }
  }

  return (
    <div className="wgll-csv-download">
      <ul className="wgll-table-downloads">
        <li>
          <a href={href} download={`${fileName}.csv`}>
            Download {tableName} table (CSV)
          </a>
        </li>
        <li>
          <button
            type="button"
            className="wgll-link-button"
            disabled={state === 'working'}
            onClick={() => void downloadXlsx()}
          >
            Download {tableName} table (Excel, XLSX)
          </button>
        </li>
      </ul>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-0" role="status">
        {state === 'working' ? 'Preparing the spreadsheet…' : null}
        {state === 'failed' ? 'The spreadsheet could not be made. Try again, or download the CSV.' : null}
      </p>
    </div>
  );
}
