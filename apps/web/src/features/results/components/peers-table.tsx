import type { NamedScores, TrustResults } from '@wgll/contracts';
import { formatScore } from '@wgll/scoring';
import { Table } from 'nhsuk-react-components';

import { readableName } from '../../../lib/format';
import { csvScore, type CsvValue } from '../csv';
import { measureIds, measureNames } from '../results-labels';
import { basisAbout } from '../table-about';
import { TableDownloads } from './table-downloads';
import { FigureBasisNote } from './figure-basis';
import { MeasuresHead } from './measures-head';
import { TableScroll } from '../../../components/table-scroll';

/** A row of a scores table for CSV: the name, the seven measures and the overall score. */
export function scoresCsvRow(row: NamedScores, ...before: string[]): CsvValue[] {
  return [
    ...before,
    readableName(row.name),
    row.odsCode,
    ...measureIds.map((measure) => csvScore(row.measures[measure])),
    csvScore(row.overall),
  ];
}

export const scoresCsvHeader = [
  'Organisation',
  'ODS code',
  ...measureIds.map((id) => measureNames[id]),
  'Overall',
];

interface PeersTableProps {
  results: TrustResults;
  icsName: string;
  filePrefix: string;
}

/** The other organisations in the ICS with results for the same care setting, each named. */
export function PeersTable({ results, icsName, filePrefix }: PeersTableProps) {
  if (results.peers.length === 0) {
    return <p>No other organisation in {icsName} has results for this care setting in this cycle.</p>;
  }
  const caption = `Peers in ${icsName}: scores of the other organisations with results for the same care setting`;
  return (
    <>
      <TableScroll label={caption}>
        <Table caption={caption} firstCellIsHeader className="nhsuk-table--compact wgll-wide-table">
          <MeasuresHead leading={['Organisation']} overall />
          <Table.Body>
            {results.peers.map((peer) => (
              <Table.Row key={peer.odsCode}>
                <Table.Cell>
                  {readableName(peer.name)} ({peer.odsCode})
                </Table.Cell>
                {measureIds.map((measure) => (
                  <Table.Cell key={measure} format="numeric">
                    {formatScore(peer.measures[measure])}
                  </Table.Cell>
                ))}
                <Table.Cell format="numeric">{formatScore(peer.overall)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <FigureBasisNote
        basis={results.basis}
        count={results.peers.length}
        aggregation="Each organisation’s own scores, listed by name"
      />
      <TableDownloads
        tableName="peers"
        fileName={`${filePrefix}-peers`}
        header={scoresCsvHeader}
        rows={results.peers.map((peer) => scoresCsvRow(peer))}
        about={basisAbout(caption, results.basis, {
          count: results.peers.length,
          aggregation: 'Each organisation’s own scores, listed by name',
        })}
      />
    </>
  );
}
