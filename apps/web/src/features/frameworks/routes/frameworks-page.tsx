import type { FrameworkVersionSummary } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { useDocumentTitle } from '../../../components/use-document-title';
import { useFrameworkVersions } from '../../../lib/api/frameworks-api';
import { formatDate } from '../../../lib/dates';
import { frameworkPath } from '../../../lib/links';
import { FrameworkStatusTag } from '../components/framework-status-tag';
import { frameworkLevelLabels } from '../framework-labels';

function FrameworkVersionsTable({ items }: { items: FrameworkVersionSummary[] }) {
  if (items.length === 0) return <p>There are no framework versions yet.</p>;
  return (
    <Table responsive caption="Framework versions" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Framework</Table.Cell>
          <Table.Cell>For</Table.Cell>
          <Table.Cell>Version</Table.Cell>
          <Table.Cell>Status</Table.Cell>
          <Table.Cell>Published</Table.Cell>
          <Table.Cell format="numeric">Domains</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {items.map((item) => (
          <Table.Row key={`${item.frameworkId}@${item.version}`}>
            <Table.Cell>
              <Link to={frameworkPath(item.frameworkId, item.version)}>{item.title}</Link>
            </Table.Cell>
            <Table.Cell>{frameworkLevelLabels[item.level]}</Table.Cell>
            <Table.Cell>{item.version}</Table.Cell>
            <Table.Cell>
              <FrameworkStatusTag status={item.retiredAt ? 'retired' : item.status} />
            </Table.Cell>
            <Table.Cell>
              {item.publishedOn ? (
                <span className="wgll-nowrap">{formatDate(item.publishedOn)}</span>
              ) : (
                'Not published'
              )}
            </Table.Cell>
            <Table.Cell format="numeric">{item.domainCount}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

/** /frameworks: what WGLL is, how its levels work, and the framework versions to read. */
export function FrameworksPage() {
  useDocumentTitle('What Good Looks Like frameworks');
  const versions = useFrameworkVersions();

  return (
    <>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>What Good Looks Like frameworks</h1>
          <p className="nhsuk-lede-text">
            What Good Looks Like (WGLL) is NHS England&apos;s description of a digitally mature health and
            care organisation. It is built around 7 success measures, such as &quot;Well led&quot; and
            &quot;Safe practice&quot;.
          </p>
          <p>
            Each measure is broken down into domains. Each domain has 5 levels: every domain starts at level
            1, and levels 2 to 5 each list elements, which are statements you can check and show evidence for.
          </p>
          <p>
            A domain reaches a level only when every element of that level, and of every level below it, is
            met.
          </p>
          <p>
            Trusts answer the framework for organisations once for each care setting they run: acute,
            community, mental health or ambulance. Integrated care boards (ICBs) answer the framework for
            integrated care systems for their system as a whole.
          </p>
        </div>
      </div>
      <h2>Framework versions</h2>
      {versions.isPending ? <LoadingMessage>Loading framework versions…</LoadingMessage> : null}
      {versions.isError ? <ApiErrorSummary error={versions.error} /> : null}
      {versions.isSuccess ? <FrameworkVersionsTable items={versions.data.items} /> : null}
    </>
  );
}
