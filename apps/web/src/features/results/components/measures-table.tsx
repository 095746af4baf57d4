import type { TrustResults } from '@wgll/contracts';
import { formatScore } from '@wgll/scoring';
import { Table } from 'nhsuk-react-components';

import { WideTable } from '../../../components/table-scroll';
import { sentences } from '../../../lib/format';
import { csvScore } from '../csv';
import { distributionFigure, quartileRange } from '../figures';
import { measureNames, positionLabel } from '../results-labels';
import { basisAbout } from '../table-about';
import { TableDownloads } from './table-downloads';
import { FigureBasisNote } from './figure-basis';

interface MeasuresTableProps {
  results: TrustResults;
  name: string;
  /** File name without `.csv` or the table's own part: `results-RJ1-2025-26-acute`. */
  filePrefix: string;
}

/** The organisation's score in each measure beside the ICS and national figures, with its quarter. */
export function MeasuresTable({ results, name, filePrefix }: MeasuresTableProps) {
  const caption = `${name}: score in each measure, with the ICS and England`;
  const header = [
    'Measure',
    'Score',
    'ICS median',
    'National median',
    'National lower quartile',
    'National upper quartile',
    'Position',
  ];
  const rows = results.measures.map((item) => [
    measureNames[item.measure],
    csvScore(item.score),
    csvScore(item.ics.median, item.ics),
    csvScore(item.national.median, item.national),
    csvScore(item.national.lowerQuartile, item.national),
    csvScore(item.national.upperQuartile, item.national),
    positionLabel(item.position),
  ]);
  const nationalCount = Math.max(0, ...results.measures.map((item) => item.national.count));
  const aggregation = sentences(
    results.basis.aggregation,
    'Position is the quarter of organisations in England the score falls in',
  );

  return (
    <>
      <WideTable caption={caption} firstCellIsHeader>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Measure</Table.Cell>
            <Table.Cell format="numeric">Score</Table.Cell>
            <Table.Cell format="numeric">ICS median</Table.Cell>
            <Table.Cell format="numeric">National median</Table.Cell>
            <Table.Cell>National lower–upper quartile</Table.Cell>
            <Table.Cell>Position</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {results.measures.map((item) => (
            <Table.Row key={item.measure}>
              <Table.Cell>{measureNames[item.measure]}</Table.Cell>
              <Table.Cell format="numeric">{formatScore(item.score)}</Table.Cell>
              <Table.Cell format="numeric">{distributionFigure(item.ics, 'median')}</Table.Cell>
              <Table.Cell format="numeric">{distributionFigure(item.national, 'median')}</Table.Cell>
              <Table.Cell>{quartileRange(item.national)}</Table.Cell>
              <Table.Cell>{positionLabel(item.position)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </WideTable>
      <FigureBasisNote basis={results.basis} count={nationalCount} aggregation={aggregation} />
      <TableDownloads
        tableName="measures"
        fileName={`${filePrefix}-measures`}
        header={header}
        rows={rows}
        about={basisAbout(caption, results.basis, { count: nationalCount, aggregation })}
      />
    </>
  );
}
