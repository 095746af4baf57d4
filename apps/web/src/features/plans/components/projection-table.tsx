import type { ImprovementPlan, MeasureId } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';

import { WideTable } from '../../../components/table-scroll';
import { planScoreText } from '../../../lib/plan-labels';
import { projectionSentence } from '../projection-sentence';

type Scores = ImprovementPlan['scores'];

/**
 * Projected maturity: overall and each measure today, if the planned actions are done by the target
 * date, and if every target is reached.
 */
export function ProjectionTable({
  scores,
  measures,
  targetDate,
}: {
  scores: Scores;
  measures: { measure: MeasureId; name: string }[];
  targetDate: string | null;
}) {
  return (
    <>
      <p>{projectionSentence(scores, targetDate)}</p>
      <WideTable caption="Scores today, projected and at target" firstCellIsHeader>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Score</Table.Cell>
            <Table.Cell format="numeric">Today</Table.Cell>
            <Table.Cell format="numeric">Projected</Table.Cell>
            <Table.Cell format="numeric">Target</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          <Table.Row>
            <Table.Cell>Overall</Table.Cell>
            <Table.Cell format="numeric">{planScoreText(scores.today.overall)}</Table.Cell>
            <Table.Cell format="numeric">{planScoreText(scores.projected.overall)}</Table.Cell>
            <Table.Cell format="numeric">{planScoreText(scores.target.overall)}</Table.Cell>
          </Table.Row>
          {measures.map(({ measure, name }) => (
            <Table.Row key={measure}>
              <Table.Cell>{name}</Table.Cell>
              <Table.Cell format="numeric">{planScoreText(scores.today.measures[measure])}</Table.Cell>
              <Table.Cell format="numeric">{planScoreText(scores.projected.measures[measure])}</Table.Cell>
              <Table.Cell format="numeric">{planScoreText(scores.target.measures[measure])}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </WideTable>
      <p className="nhsuk-body-s">
        Projected: if every action due by the target date (or with no due date) is done. Target: if every
        domain reaches its target; domains without a target keep today’s level. Scores are averages of levels
        1 to 5.
      </p>
    </>
  );
}
