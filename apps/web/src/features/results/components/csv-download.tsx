import { useMemo } from 'react';

import { toCsv, type CsvValue } from '../csv';

interface CsvDownloadProps {
  /** Names the table in the link, for example `peers` → "Download peers table (CSV)". */
  tableName: string;
  /** The file's name, without `.csv`: `results-RJ1-2025-26-acute-peers`. */
  fileName: string;
  header: string[];
  rows: CsvValue[][];
}

/** A link under a table that downloads the table's data as a CSV file. */
export function CsvDownload({ tableName, fileName, header, rows }: CsvDownloadProps) {
  const href = useMemo(
    () => `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(header, rows))}`,
    [header, rows],
  );
  return (
    <p className="wgll-csv-download">
      <a href={href} download={`${fileName}.csv`}>
        Download {tableName} table (CSV)
      </a>
    </p>
  );
}
