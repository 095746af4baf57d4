import type { Cycle } from '@wgll/contracts';
import { Table, Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { CycleStatusTag } from '../../../components/cycle-status-tag';
import { sortCycles } from '../../../lib/api/cycles-api';
import { formatDate } from '../../../lib/dates';
import { frameworkPath } from '../../../lib/links';

/** Every cycle, newest first: its status (or Retired), dates and framework versions. */
export function CyclesTable({ cycles }: { cycles: Cycle[] }) {
  return (
    <Table responsive caption="Assessment cycles, newest first">
      <Table.Head>
        <Table.Row>
          <Table.Cell>Cycle</Table.Cell>
          <Table.Cell>Status</Table.Cell>
          <Table.Cell>Opens</Table.Cell>
          <Table.Cell>Closes</Table.Cell>
          <Table.Cell>Reference date</Table.Cell>
          <Table.Cell>Frameworks</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {sortCycles(cycles).map((cycle) => (
          <Table.Row key={cycle.id}>
            <Table.Cell>{cycle.name}</Table.Cell>
            <Table.Cell>
              {cycle.retiredAt ? (
                <Tag modifier="grey">Retired</Tag>
              ) : (
                <CycleStatusTag status={cycle.status} />
              )}
            </Table.Cell>
            <Table.Cell>{formatDate(cycle.opensOn)}</Table.Cell>
            <Table.Cell>{formatDate(cycle.closesOn)}</Table.Cell>
            <Table.Cell>{formatDate(cycle.referenceDate)}</Table.Cell>
            <Table.Cell>
              <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                <li>
                  Trusts:{' '}
                  <Link
                    to={frameworkPath(
                      cycle.organisationFramework.frameworkId,
                      cycle.organisationFramework.version,
                    )}
                  >
                    {cycle.organisationFramework.title} (version {cycle.organisationFramework.version})
                  </Link>
                </li>
                <li>
                  ICBs:{' '}
                  <Link to={frameworkPath(cycle.systemFramework.frameworkId, cycle.systemFramework.version)}>
                    {cycle.systemFramework.title} (version {cycle.systemFramework.version})
                  </Link>
                </li>
              </ul>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
