import type { ReturnDetail } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { questionnairePath } from '../../../lib/links';
import { formatScore } from '../return-format';

/** Each measure's progress and score, with a link to its questions. */
export function MeasureProgressTable({ detail }: { detail: ReturnDetail }) {
  return (
    <Table responsive caption="Progress by success measure">
      <Table.Head>
        <Table.Row>
          <Table.Cell>Success measure</Table.Cell>
          <Table.Cell>Domains answered</Table.Cell>
          <Table.Cell>To confirm</Table.Cell>
          <Table.Cell>Score (1 to 5)</Table.Cell>
          <Table.Cell>
            <span className="nhsuk-u-visually-hidden">Questions</span>
          </Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {detail.measures.map((measure) => (
          <Table.Row key={measure.measure}>
            <Table.Cell>{measure.name}</Table.Cell>
            <Table.Cell>
              {measure.answered} of {measure.total}
            </Table.Cell>
            <Table.Cell>{measure.toConfirm}</Table.Cell>
            <Table.Cell>{formatScore(measure.score)}</Table.Cell>
            <Table.Cell>
              <Link to={questionnairePath(detail.id, measure.measure)}>
                {detail.permissions.answer ? 'Answer questions' : 'View answers'}
                <span className="nhsuk-u-visually-hidden"> for {measure.name}</span>
              </Link>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
