import type { IcsResults, PrimaryCareResults } from '@wgll/contracts';
import { formatScore } from '@wgll/scoring';
import { Table } from 'nhsuk-react-components';

import { WideTable } from '../../../components/table-scroll';
import { measureNames } from '../results-labels';
import { TableDownloads } from './table-downloads';

const NOT_IN_SURVEY = 'Not part of the primary care survey';
const NO_SCORE = 'No score given';

/** What a measure's cell says: the score, or why there is none. */
function scoreText(item: PrimaryCareResults['measures'][number]): string {
  if (!item.inSurvey) return NOT_IN_SURVEY;
  return item.score === null ? NO_SCORE : formatScore(item.score);
}

interface PrimaryCareSectionProps {
  results: IcsResults;
  icsName: string;
  /** File name without `.csv` or the table's own part: `results-QKK-2025-26`. */
  filePrefix: string;
}

/**
 * The ICB's scores in NHS England's primary care survey: its own answers about general practice in
 * its area, set apart from its trusts and from its own ICS-level return.
 */
export function PrimaryCareSection({ results, icsName, filePrefix }: PrimaryCareSectionProps) {
  const primaryCare = results.primaryCare;
  const cycleName = results.cycle.name;
  return (
    <section aria-labelledby="primary-care-heading">
      <h2 id="primary-care-heading">Primary care</h2>
      <p>
        NHS England also asked each integrated care board (ICB) about digital maturity in general practice in
        its area. These scores are the ICB’s own answers to that primary care survey. They are not an average
        of its trusts’ scores, and they are not the ICB’s own return in the table above.
      </p>
      {primaryCare ? (
        <PrimaryCareTable primaryCare={primaryCare} icsName={icsName} filePrefix={filePrefix} />
      ) : (
        <p>
          There are no primary care scores for {icsName} in {cycleName}. They come only from NHS England’s
          published results, when those include the primary care survey.
        </p>
      )}
    </section>
  );
}

function PrimaryCareTable({
  primaryCare,
  icsName,
  filePrefix,
}: {
  primaryCare: PrimaryCareResults;
  icsName: string;
  filePrefix: string;
}) {
  const header = ['Measure', 'Primary care score'];
  const rows = primaryCare.measures.map((item) => [
    measureNames[item.measure],
    item.inSurvey && item.score !== null ? Number(formatScore(item.score)) : scoreText(item),
  ]);
  return (
    <>
      <WideTable
        caption={`${icsName}: primary care survey score in each measure, ${primaryCare.cycle.name}`}
        firstCellIsHeader
      >
        <Table.Head>
          <Table.Row>
            <Table.Cell>Measure</Table.Cell>
            <Table.Cell format="numeric">Primary care score</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {primaryCare.measures.map((item) => (
            <Table.Row key={item.measure}>
              <Table.Cell>{measureNames[item.measure]}</Table.Cell>
              <Table.Cell format="numeric">{scoreText(item)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </WideTable>
      <p className="wgll-figure-basis">Source: {primaryCare.description}</p>
      <TableDownloads
        tableName="primary care scores"
        fileName={`${filePrefix}-primary-care`}
        header={header}
        rows={rows}
        about={{
          title: `${icsName}: primary care survey score in each measure, ${primaryCare.cycle.name}`,
          figures: primaryCare.description,
          cycle: primaryCare.cycle.name,
          source:
            'NHS England’s published digital maturity assessment results: the ICB’s answers to the primary care survey (a sheet of the published data file).',
        }}
      />
    </>
  );
}
