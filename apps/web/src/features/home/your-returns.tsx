import type { CurrentUser, RoleGrant } from '@wgll/contracts';
import { Link } from 'react-router';

import { pluralise } from '../../lib/format';
import { describeScope } from '../../lib/roles';
import { useMyAssignments } from '../returns/api/assignments-api';

const trustRoles = new Set<RoleGrant['role']>(['trust-lead', 'trust-contributor', 'board-approver']);

/** One link for each trust or ICB the user's roles cover, to its assessment returns. */
function returnLinks(user: CurrentUser) {
  const links = new Map<string, { to: string; label: string }>();
  for (const grant of user.roles) {
    const code = grant.scope.code;
    if (!code) continue;
    if (trustRoles.has(grant.role)) {
      links.set(`organisation:${code}`, {
        to: `/organisations/${code}/returns`,
        label: describeScope(grant.scope),
      });
    } else if (grant.role === 'ics-lead') {
      links.set(`ics:${code}`, {
        to: `/ics/${code}/returns`,
        label: `${describeScope(grant.scope)}: system return`,
      });
    }
  }
  return [...links.values()];
}

function YourAssignments() {
  const query = useMyAssignments();
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  const remaining = items.reduce((sum, item) => sum + item.remaining.length, 0);
  return (
    <section aria-labelledby="your-assignments-heading">
      <h2 id="your-assignments-heading">Your assignments</h2>
      <p>
        You have {pluralise(items.length, 'assignment')}
        {remaining > 0
          ? ` with ${pluralise(remaining, 'domain')} still to answer or confirm`
          : ', all answered'}
        .
      </p>
      <p>
        <Link to="/assignments">See your assignments</Link>
      </p>
    </section>
  );
}

/** The home page's way into assessment returns: the user's trusts' returns and their assignments. */
export function YourReturns({ user }: { user: CurrentUser }) {
  const links = returnLinks(user);
  return (
    <>
      {links.length > 0 ? (
        <section aria-labelledby="your-returns-heading">
          <h2 id="your-returns-heading">Your returns</h2>
          <p>Assessment returns for the organisations your roles cover.</p>
          <ul className="nhsuk-list">
            {links.map((link) => (
              <li key={link.to}>
                <Link to={link.to}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <YourAssignments />
    </>
  );
}
