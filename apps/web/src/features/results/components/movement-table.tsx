import type { AreaResults, Movement } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';

import { WideTable } from '../../../components/table-scroll';
import { readableName } from '../../../lib/format';
import { formatChange, movementCsvCells } from '../figures';
import { withheldText } from '../results-labels';
import { basisAbout } from '../table-about';
import type { AreaTableProps } from './area-groups-table';
import { TableDownloads } from './table-downloads';
import { FigureBasisNote } from './figure-basis';

function MovementCells({ movement }: { movement: Movement }) {
  return (
    <>
      <Table.Cell format="numeric">{movement.count}</Table.Cell>
      {movement.suppressed ? (
        <Table.Cell colSpan={4}>{withheldText(movement)}</Table.Cell>
      ) : (
        <>
          <Table.Cell format="numeric">{movement.improved}</Table.Cell>
          <Table.Cell format="numeric">{movement.declined}</Table.Cell>
          <Table.Cell format="numeric">{movement.unchanged}</Table.Cell>
          <Table.Cell format="numeric">{formatChange(movement.meanChange)}</Table.Cell>
        </>
      )}
    </>
  );
}

const header = ['Organisations compared', 'Improved', 'Declined', 'Unchanged', 'Mean change'];

/** Year-on-year movement on the overall score over comparable domains, per group and for the area. */
export function MovementTable({ results, groupLabel, filePrefix, scope }: AreaTableProps) {
  const movement: AreaResults['movement'] = results.movement;
  if (!movement) {
    return <p>There are no comparable figures from an earlier cycle, so movement cannot be shown.</p>;
  }
  const caption = `Movement in the overall score on comparable domains, ${movement.previousCycleName} to ${results.cycle.name}`;
  const total = `All of ${results.area.type === 'national' ? 'England' : results.area.name}`;
  const basisOptions = {
    scope,
    count: movement.area.count,
    aggregation: `Organisations with an overall score on comparable domains in both ${movement.previousCycleName} and ${results.cycle.name}; mean change is this year minus last year`,
  };
  return (
    <>
      <WideTable caption={caption} firstCellIsHeader>
        <Table.Head>
          <Table.Row>
            <Table.Cell>{groupLabel}</Table.Cell>
            {header.map((heading) => (
              <Table.Cell key={heading} format="numeric">
                {heading}
              </Table.Cell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {movement.groups.map((group) => (
            <Table.Row key={group.code}>
              <Table.Cell>{readableName(group.name)}</Table.Cell>
              <MovementCells movement={group} />
            </Table.Row>
          ))}
          <Table.Row className="wgll-total-row">
            <Table.Cell>{total}</Table.Cell>
            <MovementCells movement={movement.area} />
          </Table.Row>
        </Table.Body>
      </WideTable>
      <FigureBasisNote basis={results.figureBasis} {...basisOptions} />
      <TableDownloads
        tableName="movement"
        fileName={`${filePrefix}-movement`}
        header={[groupLabel, ...header]}
        rows={[
          ...movement.groups.map((group) => [readableName(group.name), ...movementCsvCells(group)]),
          [total, ...movementCsvCells(movement.area)],
        ]}
        about={basisAbout(caption, results.figureBasis, basisOptions)}
      />
    </>
  );
}
