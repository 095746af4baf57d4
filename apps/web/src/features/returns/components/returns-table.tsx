import type { ReturnSummary } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { ReturnStateTag } from '../../../components/return-state-tag';
import { returnPath } from '../../../lib/links';
import { formatScore } from '../return-format';
import { returnScopeLabel } from '../return-labels';

interface ReturnsTableProps {
  returns: ReturnSummary[];
  caption: string;
}

/** A cycle's returns: care setting, state, progress and, once complete, the overall score. */
export function ReturnsTable({ returns, caption }: ReturnsTableProps) {
  return (
    <Table responsive caption={caption}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Return</Table.Cell>
          <Table.Cell>State</Table.Cell>
          <Table.Cell>Domains answered</Table.Cell>
          <Table.Cell>To confirm</Table.Cell>
          <Table.Cell>Overall score</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {returns.map((item) => (
          <Table.Row key={item.id}>
            <Table.Cell>
              <Link to={returnPath(item.id)}>{returnScopeLabel(item)} return</Link>
              {item.revision > 1 ? <span className="nhsuk-body-s"> (revision {item.revision})</span> : null}
            </Table.Cell>
            <Table.Cell>
              <ReturnStateTag state={item.state} />
            </Table.Cell>
            <Table.Cell>
              {item.progress.answered} of {item.progress.total}
            </Table.Cell>
            <Table.Cell>{item.progress.toConfirm}</Table.Cell>
            <Table.Cell>{formatScore(item.overall)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
