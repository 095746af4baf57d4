import type { NationalTarget } from '@wgll/contracts';
import { InsetText, Table, Tag } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { SuccessBanner } from '../../../components/success-banner';
import { WideTable } from '../../../components/table-scroll';
import { useDocumentTitle } from '../../../components/use-document-title';
import { formatDate } from '../../../lib/dates';
import { adminTargetPath } from '../../../lib/links';
import { useTargets } from '../api/targets-api';
import { TargetForm } from '../components/target-form';

function TargetsTable({ targets }: { targets: NationalTarget[] }) {
  return (
    <WideTable caption="National targets" firstCellIsHeader>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Target</Table.Cell>
          <Table.Cell>What counts</Table.Cell>
          <Table.Cell format="numeric">Share</Table.Cell>
          <Table.Cell>By</Table.Cell>
          <Table.Cell>Status</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {targets.map((target) => (
          <Table.Row key={target.id}>
            <Table.Cell>
              <Link to={adminTargetPath(target.id)}>{target.name}</Link>
            </Table.Cell>
            <Table.Cell>{target.summary}</Table.Cell>
            <Table.Cell format="numeric">{target.percent}%</Table.Cell>
            <Table.Cell>{formatDate(target.dueDate)}</Table.Cell>
            <Table.Cell>
              {target.retiredAt ? <Tag modifier="grey">Retired</Tag> : <Tag modifier="green">In force</Tag>}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}

/** /admin/targets: the national targets, and creating one (national administrators). */
export function TargetsAdminPage() {
  useDocumentTitle('National targets');
  const targets = useTargets(true);
  const [notice, setNotice] = useState<{ message: string; count: number }>();
  return (
    <>
      {notice ? <SuccessBanner key={notice.count} heading={notice.message} /> : null}
      <h1>National targets</h1>
      <p>
        A national target says what counts for an organisation, for which care settings, the share of
        organisations to reach and by when. The region and national results pages show each target’s progress:{' '}
        <Link to="/national/targets">national targets in England</Link>.
      </p>
      {targets.isPending ? <LoadingMessage>Loading the targets…</LoadingMessage> : null}
      {targets.isError ? <ApiErrorSummary error={targets.error} /> : null}
      {targets.data ? (
        targets.data.items.length === 0 ? (
          <InsetText>
            <p>There are no national targets yet. Create the first one below.</p>
          </InsetText>
        ) : (
          <TargetsTable targets={targets.data.items} />
        )
      ) : null}
      <section aria-labelledby="create-target-heading">
        <h2 id="create-target-heading">Create a target</h2>
        <TargetForm
          onSaved={(target) =>
            setNotice((current) => ({
              message: `Created the target ${target.name}`,
              count: (current?.count ?? 0) + 1,
            }))
          }
        />
      </section>
    </>
  );
}
