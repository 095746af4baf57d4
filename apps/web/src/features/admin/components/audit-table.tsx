import type { AuditEvent } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';

import { WideTable } from '../../../components/table-scroll';
import { formatDateTime } from '../../../lib/dates';
import { describeActor, describeDetails, describeTarget } from '../audit-details';
import { auditActionLabels } from '../audit-labels';

/** The date on one line and the time under it, so the column stays narrow. */
function When({ value }: { value: string }) {
  const [day, time] = formatDateTime(value).split(' at ');
  return (
    <>
      <span className="wgll-nowrap">{day}</span>
      {time ? (
        <>
          <br />
          {time}
        </>
      ) : null}
    </>
  );
}

/** The audit log, one row for each event: when, who, what, to whom, from where, details. */
export function AuditTable({ events, caption }: { events: AuditEvent[]; caption: string }) {
  return (
    <WideTable responsive caption={caption} captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>When</Table.Cell>
          <Table.Cell>Who</Table.Cell>
          <Table.Cell>What</Table.Cell>
          <Table.Cell>About</Table.Cell>
          <Table.Cell>From where</Table.Cell>
          <Table.Cell>Details</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {events.map((event) => (
          <Table.Row key={event.id}>
            <Table.Cell>
              <When value={event.occurredAt} />
            </Table.Cell>
            <Table.Cell>{describeActor(event.actor)}</Table.Cell>
            <Table.Cell>{auditActionLabels[event.action] ?? event.action}</Table.Cell>
            <Table.Cell>{describeTarget(event.target) || 'Nothing'}</Table.Cell>
            <Table.Cell>{event.ip ?? 'Not recorded'}</Table.Cell>
            <Table.Cell>{describeDetails(event.details, event) || 'None'}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}
