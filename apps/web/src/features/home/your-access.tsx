import type { CurrentUser } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { ApiErrorSummary } from '../../components/api-error-summary';
import { LoadingMessage } from '../../components/loading-message';
import { RoleTable } from '../../components/role-table';
import { useMyOrganisations } from '../../lib/api/organisations-api';
import { formatDate, todayIso } from '../../lib/dates';
import { pluralise, readableName } from '../../lib/format';
import { icsPath, organisationPath } from '../../lib/links';

const FIRST_PAGE = 20;

function YourOrganisations({ seesEverything }: { seesEverything: boolean }) {
  const today = todayIso();
  const list = useMyOrganisations(today, FIRST_PAGE);

  if (list.isPending) return <LoadingMessage>Loading your organisations…</LoadingMessage>;
  if (list.isError) return <ApiErrorSummary error={list.error} />;
  const { items, total } = list.data;
  if (total === 0) {
    return <p>Your roles do not cover any organisations open on {formatDate(list.data.at)}.</p>;
  }

  return (
    <>
      <p>
        {seesEverything
          ? `You can see all ${pluralise(total, 'organisation')} open on ${formatDate(list.data.at)}.`
          : `Your roles cover ${pluralise(total, 'organisation')} open on ${formatDate(list.data.at)}.`}
        {total > items.length ? ` These are the first ${items.length}.` : null}
      </p>
      <Table responsive caption="Your organisations" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Name</Table.Cell>
            <Table.Cell>ODS code</Table.Cell>
            <Table.Cell>Integrated care system</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((organisation) => (
            <Table.Row key={organisation.odsCode}>
              <Table.Cell>
                <Link to={organisationPath(organisation.odsCode)}>{readableName(organisation.name)}</Link>
              </Table.Cell>
              <Table.Cell>{organisation.odsCode}</Table.Cell>
              <Table.Cell>
                {organisation.ics ? (
                  <Link to={icsPath(organisation.ics.odsCode)}>{readableName(organisation.ics.name)}</Link>
                ) : (
                  'None on this date'
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {seesEverything || total > items.length ? (
        <p>
          <Link to="/organisations">Search all organisations in the directory</Link>
        </p>
      ) : null}
    </>
  );
}

/** The home page's account summary: the user's roles and the organisations they cover. */
export function YourAccess({ user }: { user: CurrentUser }) {
  return (
    <>
      <section aria-labelledby="your-roles-heading">
        <h2 id="your-roles-heading">Your roles</h2>
        <RoleTable
          grants={user.roles}
          caption="Your roles"
          emptyMessage="You do not have any roles yet. Ask your organisation's administrator or the national administrator to give you one."
        />
      </section>
      <section aria-labelledby="your-organisations-heading">
        <h2 id="your-organisations-heading">Your organisations</h2>
        <YourOrganisations
          seesEverything={user.roles.some((grant) => grant.role === 'national-administrator')}
        />
      </section>
    </>
  );
}
