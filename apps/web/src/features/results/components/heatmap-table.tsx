import type { HeatmapRow, IcsResults } from '@wgll/contracts';
import { formatScore } from '@wgll/scoring';
import { Table } from 'nhsuk-react-components';
import { Link, useSearchParams } from 'react-router';

import { careSettingLabels, readableName } from '../../../lib/format';
import { trustResultsPath } from '../../../lib/links';
import { csvScore, type CsvValue } from '../csv';
import { heatShade } from '../heat-shades';
import { basisAbout } from '../table-about';
import { measureIds, measureNames } from '../results-labels';
import { TableDownloads } from './table-downloads';
import { FigureBasisNote } from './figure-basis';
import { HeatKey } from './heat-shade';
import { MeasuresHead } from './measures-head';
import { TableScroll } from '../../../components/table-scroll';

const SYSTEM_LABEL = 'ICB’s own return (system level)';

function ScoreCells({ row }: { row: HeatmapRow }) {
  const values = [...measureIds.map((measure) => row.measures[measure]), row.overall];
  return (
    <>
      {values.map((value, index) => (
        <Table.Cell
          key={measureIds[index] ?? 'overall'}
          format="numeric"
          className="wgll-heat-cell"
          style={{ backgroundColor: heatShade(value) }}
        >
          {formatScore(value)}
        </Table.Cell>
      ))}
    </>
  );
}

/** The spreadsheet's shades: none for the three leading columns, the page's colour band for each score. */
function fillRow(row: HeatmapRow): (string | undefined)[] {
  return [
    undefined,
    undefined,
    undefined,
    ...measureIds.map((m) => heatShade(row.measures[m])),
    heatShade(row.overall),
  ];
}

function csvRow(row: HeatmapRow): CsvValue[] {
  return [
    row.level === 'system' ? `${SYSTEM_LABEL}: ${readableName(row.name)}` : readableName(row.name),
    row.odsCode,
    row.careSetting ? careSettingLabels[row.careSetting] : 'System (ICB)',
    ...measureIds.map((measure) => csvScore(row.measures[measure])),
    csvScore(row.overall),
  ];
}

interface HeatmapTableProps {
  results: IcsResults;
  icsName: string;
  filePrefix: string;
}

/**
 * Every organisation of the ICS side by side: a row per organisation and care setting, a column per
 * measure, each cell shaded by its score. The ICB's own return is a row of its own, set apart.
 */
export function HeatmapTable({ results, icsName, filePrefix }: HeatmapTableProps) {
  const caption = `Scores of the organisations in ${icsName}, by measure`;
  const rows = [...results.rows, ...(results.system ? [results.system] : [])];
  // A drill-down from a region keeps its threshold.
  const threshold = useSearchParams()[0].get('threshold') ?? undefined;
  const aggregation =
    'Each organisation’s own scores; the ICB’s own return is shown apart and is not part of its providers’ figures';
  return (
    <>
      <HeatKey />
      <TableScroll label={caption}>
        <Table
          caption={caption}
          firstCellIsHeader
          className="nhsuk-table--compact wgll-wide-table wgll-heatmap"
        >
          <MeasuresHead leading={['Organisation', 'Care setting']} overall />
          <Table.Body>
            {results.rows.map((row) => (
              <Table.Row key={`${row.odsCode}:${row.careSetting ?? 'system'}`}>
                <Table.Cell>
                  <Link
                    to={trustResultsPath(
                      row.odsCode,
                      results.cycle.id,
                      row.careSetting ?? undefined,
                      threshold,
                    )}
                  >
                    {readableName(row.name)}
                  </Link>
                </Table.Cell>
                <Table.Cell>{row.careSetting ? careSettingLabels[row.careSetting] : '–'}</Table.Cell>
                <ScoreCells row={row} />
              </Table.Row>
            ))}
          </Table.Body>
          {results.system ? (
            <Table.Body className="wgll-heatmap__system">
              <Table.Row>
                <Table.Cell>
                  {SYSTEM_LABEL}
                  <span className="wgll-block nhsuk-body-s nhsuk-u-margin-bottom-0">
                    {readableName(results.system.name)}
                  </span>
                </Table.Cell>
                <Table.Cell>System (ICB)</Table.Cell>
                <ScoreCells row={results.system} />
              </Table.Row>
            </Table.Body>
          ) : null}
        </Table>
      </TableScroll>
      {results.rows.length === 0 ? <p>No organisation in {icsName} has results for this choice.</p> : null}
      {results.system ? null : <p>The ICB has no results of its own for this cycle.</p>}
      <FigureBasisNote basis={results.basis} count={results.rows.length} aggregation={aggregation} />
      <TableDownloads
        tableName="organisations’ scores"
        fileName={`${filePrefix}-organisations`}
        header={[
          'Organisation',
          'ODS code',
          'Care setting',
          ...measureIds.map((id) => measureNames[id]),
          'Overall',
        ]}
        rows={rows.map(csvRow)}
        fills={rows.map(fillRow)}
        about={basisAbout(caption, results.basis, { count: results.rows.length, aggregation })}
      />
    </>
  );
}
