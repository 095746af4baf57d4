import type { OrganisationMembership } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { WideTable } from '../../../components/table-scroll';
import { FIRST_DAY_AFTER_MERGERS, formatDate, LAST_DAY_BEFORE_MERGERS } from '../../../lib/dates';
import { readableName } from '../../../lib/format';
import { icsPath } from '../../../lib/links';
import { compareAcrossMergers } from '../memberships';

function IcsCell({ membership, date }: { membership: OrganisationMembership | undefined; date: string }) {
  if (!membership) return <>Not in an ICS (the organisation was not open)</>;
  return (
    <Link to={icsPath(membership.ics.odsCode, date)}>
      {readableName(membership.ics.name)} ({membership.ics.odsCode})
    </Link>
  );
}

function Explanation({ before, after }: ReturnType<typeof compareAcrossMergers>) {
  if (!before && !after) {
    return <p>This organisation was not open on either date, so it was not in an ICS.</p>;
  }
  if (!before || !after) {
    return (
      <p>
        This organisation was only open on one of these dates, so it is only counted in an ICS on{' '}
        {before ? formatDate(LAST_DAY_BEFORE_MERGERS) : formatDate(FIRST_DAY_AFTER_MERGERS)}.
      </p>
    );
  }
  if (before.ics.odsCode === after.ics.odsCode) {
    return (
      <p>
        This organisation stayed in {readableName(after.ics.name)} ({after.ics.odsCode}), which continued
        after the mergers.
      </p>
    );
  }
  return (
    <p>
      On {formatDate(FIRST_DAY_AFTER_MERGERS)} this organisation moved from {readableName(before.ics.name)} (
      {before.ics.odsCode}) to {readableName(after.ics.name)} ({after.ics.odsCode}).
    </p>
  );
}

/** The assessment ICS on the last day of the 42 ICBs and the first day of the 36 that replaced them. */
export function MergerComparison({ memberships }: { memberships: OrganisationMembership[] }) {
  const comparison = compareAcrossMergers(memberships);
  const rows = [
    { date: LAST_DAY_BEFORE_MERGERS, membership: comparison.before },
    { date: FIRST_DAY_AFTER_MERGERS, membership: comparison.after },
  ];

  return (
    <section aria-labelledby="mergers-heading">
      <h2 id="mergers-heading">Before and after the April 2026 ICB mergers</h2>
      <p>
        On {formatDate(FIRST_DAY_AFTER_MERGERS)} the 42 integrated care boards (ICBs) became 36. Some ICBs
        continued; others merged and took new codes.
      </p>
      <Explanation {...comparison} />
      <WideTable
        caption="The ICS this organisation is assessed in, either side of the mergers"
        firstCellIsHeader
      >
        <Table.Head>
          <Table.Row>
            <Table.Cell>Date</Table.Cell>
            <Table.Cell>Integrated care system</Table.Cell>
            <Table.Cell>Region</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map(({ date, membership }) => (
            <Table.Row key={date}>
              <Table.Cell>{formatDate(date)}</Table.Cell>
              <Table.Cell>
                <IcsCell membership={membership} date={date} />
              </Table.Cell>
              <Table.Cell>{membership?.region?.name ?? 'None'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </WideTable>
    </section>
  );
}
