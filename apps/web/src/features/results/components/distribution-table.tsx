import type { Distribution, FigureBasis, MeasureId } from '@wgll/contracts';
import { formatScore } from '@wgll/scoring';
import { Table } from 'nhsuk-react-components';

import { WideTable } from '../../../components/table-scroll';
import { csvScore, type CsvValue } from '../csv';
import type { BasisOptions } from '../figures';
import { measureIds, measureNames, withheldText } from '../results-labels';
import { basisAbout } from '../table-about';
import { TableDownloads } from './table-downloads';
import { FigureBasisNote } from './figure-basis';

const figures = ['min', 'lowerQuartile', 'median', 'upperQuartile', 'max'] as const;
const headings = ['Lowest', 'Lower quartile', 'Median', 'Upper quartile', 'Highest'];

function csvRow(measure: MeasureId, distribution: Distribution): CsvValue[] {
  const values = figures.map((key) => csvScore(distribution[key], distribution));
  return [measureNames[measure], ...values, distribution.count];
}

interface DistributionTableProps {
  caption: string;
  distributions: Record<MeasureId, Distribution>;
  basis: FigureBasis;
  basisOptions?: BasisOptions;
  /** For the download link: "Download {tableName} table (CSV)". */
  tableName: string;
  fileName: string;
}

/** The spread of scores per measure: lowest, quartiles, median, highest and how many organisations. */
export function DistributionTable({
  caption,
  distributions,
  basis,
  basisOptions,
  tableName,
  fileName,
}: DistributionTableProps) {
  const count = Math.max(0, ...measureIds.map((measure) => distributions[measure].count));
  return (
    <>
      <WideTable caption={caption} firstCellIsHeader>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Measure</Table.Cell>
            {headings.map((heading) => (
              <Table.Cell key={heading} format="numeric">
                {heading}
              </Table.Cell>
            ))}
            <Table.Cell format="numeric">Organisations</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {measureIds.map((measure) => {
            const distribution = distributions[measure];
            return (
              <Table.Row key={measure}>
                <Table.Cell>{measureNames[measure]}</Table.Cell>
                {distribution.suppressed ? (
                  <Table.Cell colSpan={figures.length}>{withheldText(distribution)}</Table.Cell>
                ) : (
                  figures.map((key) => (
                    <Table.Cell key={key} format="numeric">
                      {formatScore(distribution[key])}
                    </Table.Cell>
                  ))
                )}
                <Table.Cell format="numeric">{distribution.count}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </WideTable>
      <FigureBasisNote basis={basis} count={count} {...basisOptions} />
      <TableDownloads
        tableName={tableName}
        fileName={fileName}
        header={['Measure', ...headings, 'Organisations']}
        rows={measureIds.map((measure) => csvRow(measure, distributions[measure]))}
        about={basisAbout(caption, basis, { count, ...basisOptions })}
      />
    </>
  );
}
