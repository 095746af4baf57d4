import type { AreaResults, Distribution } from '@wgll/contracts';
import { formatScore } from '@wgll/scoring';
import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { readableName } from '../../../lib/format';
import { csvScore } from '../csv';
import { shareCsvCells, shareText } from '../figures';
import { measureIds, measureNames, withheldText } from '../results-labels';
import { basisAbout } from '../table-about';
import { TableDownloads } from './table-downloads';
import { FigureBasisNote } from './figure-basis';
import { MeasuresHead } from './measures-head';
import { TableScroll } from '../../../components/table-scroll';

export interface AreaTableProps {
  results: AreaResults;
  /** "ICS" in a region, "Region" in England. */
  groupLabel: string;
  /** Where a group's own results are. */
  groupPath: (code: string) => string;
  filePrefix: string;
  /** Says what the figures are, beside each table. */
  scope: string;
}

function medianText(distribution: Distribution, withCount: boolean): string {
  if (distribution.suppressed) return withheldText(distribution);
  if (distribution.median === null) return '–';
  return withCount
    ? `${formatScore(distribution.median)} (${distribution.count})`
    : formatScore(distribution.median);
}

/** Groups × measures: the median of each group's providers (with how many), or each ICB's own score. */
export function AreaGroupsTable({ results, groupLabel, groupPath, filePrefix, scope }: AreaTableProps) {
  const providers = results.basis === 'providers';
  const noun = groupLabel === 'ICS' ? 'ICS' : groupLabel.toLowerCase();
  const caption = providers
    ? `Median score of each ${noun}’s providers, by measure (number of providers in brackets)`
    : results.area.type === 'region'
      ? 'Each ICB’s own score, by measure'
      : 'Median of the ICBs’ own scores in each region, by measure (number of ICBs in brackets)';
  const withCount = providers || results.area.type === 'national';
  const csvValue = (distribution: Distribution) => csvScore(distribution.median, distribution);
  return (
    <>
      <TableScroll label={caption}>
        <Table caption={caption} firstCellIsHeader className="nhsuk-table--compact wgll-wide-table">
          <MeasuresHead leading={[groupLabel]} />
          <Table.Body>
            {results.groups.map((group) => (
              <Table.Row key={group.code}>
                <Table.Cell>
                  <Link to={groupPath(group.code)}>{readableName(group.name)}</Link>
                </Table.Cell>
                {measureIds.map((measure) => (
                  <Table.Cell key={measure} format="numeric">
                    {medianText(group.measures[measure], withCount)}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <FigureBasisNote basis={results.figureBasis} scope={scope} />
      <TableDownloads
        tableName={`${groupLabel} medians`}
        fileName={`${filePrefix}-groups`}
        header={[
          groupLabel,
          'Code',
          ...measureIds.flatMap((id) =>
            ['median', 'count', 'lowest', 'lower quartile', 'upper quartile', 'highest'].map(
              (figure) => `${measureNames[id]} ${figure}`,
            ),
          ),
        ]}
        rows={results.groups.map((group) => [
          readableName(group.name),
          group.code,
          ...measureIds.flatMap((measure) => {
            const d = group.measures[measure];
            return [
              csvValue(d),
              d.count,
              ...[d.min, d.lowerQuartile, d.upperQuartile, d.max].map((v) => csvScore(v, d)),
            ];
          }),
        ])}
        about={basisAbout(caption, results.figureBasis, { scope })}
      />
    </>
  );
}

/** The share of organisations scoring below the threshold, per measure, for each group and the area. */
export function BelowThresholdTable({ results, groupLabel, filePrefix, scope }: AreaTableProps) {
  const threshold = results.threshold;
  const who = results.basis === 'icb' ? 'ICBs' : 'organisations';
  const caption = `Share of ${who} scoring below ${threshold}, by measure`;
  const total = `All of ${results.area.type === 'national' ? 'England' : results.area.name}`;
  const aggregation = `Number of ${who} with a score below ${threshold}, out of those with a score`;
  const rows = [
    ...results.groups.map((group) => ({
      key: group.code,
      name: readableName(group.name),
      below: group.belowThreshold,
    })),
    { key: 'area', name: total, below: results.belowThreshold },
  ];
  return (
    <>
      <TableScroll label={caption}>
        <Table caption={caption} firstCellIsHeader className="nhsuk-table--compact wgll-wide-table">
          <MeasuresHead leading={[groupLabel]} />
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={row.key} className={row.key === 'area' ? 'wgll-total-row' : undefined}>
                <Table.Cell>{row.name}</Table.Cell>
                {measureIds.map((measure) => (
                  <Table.Cell key={measure} format="numeric" className="wgll-nowrap">
                    {shareText(row.below[measure])}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <FigureBasisNote basis={results.figureBasis} scope={scope} aggregation={aggregation} />
      <TableDownloads
        tableName="share below threshold"
        fileName={`${filePrefix}-below-${String(threshold).replace('.', '-')}`}
        header={[
          groupLabel,
          ...measureIds.flatMap((id) => [`${measureNames[id]} below`, `${measureNames[id]} of`]),
        ]}
        rows={rows.map((row) => [
          row.name,
          ...measureIds.flatMap((measure) => shareCsvCells(row.below[measure])),
        ])}
        about={basisAbout(caption, results.figureBasis, { scope, aggregation })}
      />
    </>
  );
}
