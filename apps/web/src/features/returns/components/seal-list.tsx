import type { ReturnDetail } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { WideTable } from '../../../components/table-scroll';
import { formatDateTime } from '../../../lib/dates';
import { sealPath } from '../../../lib/links';

/** The return's seals, one for each submitted revision, with links to each sealed return. */
export function SealList({ detail }: { detail: ReturnDetail }) {
  if (detail.seals.length === 0) return null;
  const seals = [...detail.seals].sort((a, b) => b.revision - a.revision);
  return (
    <section aria-labelledby="seals-heading">
      <h2 id="seals-heading">Sealed returns</h2>
      <p>
        Each submission is sealed: a copy of the return is stored with a SHA-256 hash, so anyone can check it
        has not changed since.
      </p>
      <WideTable
        responsive
        caption="Sealed revisions of this return"
        captionProps={{ className: 'nhsuk-u-visually-hidden' }}
      >
        <Table.Head>
          <Table.Row>
            <Table.Cell>Revision</Table.Cell>
            <Table.Cell>Sealed</Table.Cell>
            <Table.Cell>Submitted by</Table.Cell>
            <Table.Cell>Sealed return</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {seals.map((seal) => (
            <Table.Row key={seal.revision}>
              <Table.Cell>{seal.revision}</Table.Cell>
              <Table.Cell>{formatDateTime(seal.sealedAt)}</Table.Cell>
              <Table.Cell>{seal.sealedBy.displayName}</Table.Cell>
              <Table.Cell>
                <Link to={sealPath(detail.id, seal.revision)}>
                  View
                  <span className="nhsuk-u-visually-hidden">
                    {' '}
                    the sealed return, revision {seal.revision}
                  </span>
                </Link>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </WideTable>
    </section>
  );
}
