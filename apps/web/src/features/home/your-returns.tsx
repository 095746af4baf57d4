import type { CurrentUser } from '@wgll/contracts';
import { Link } from 'react-router';

import { useMyAssignments } from '../../lib/api/my-assignments-api';
import { pluralise } from '../../lib/format';
import { icsReturnsPath, organisationReturnsPath } from '../../lib/links';
import { describeScope, roleScopeTypes } from '../../lib/roles';

/** One link for each trust or ICB the user's roles cover, to its assessment returns. */
function returnLinks(user: CurrentUser) {
  const links = new Map<string, { to: string; label: string }>();
  for (const grant of user.roles) {
    const code = grant.scope.code;
    if (!code) continue;
    // Every trust role (lead, contributor, board approver) leads to the trust's returns; an ICS
    // lead's role to the ICB's own system return.
    const scopeType = roleScopeTypes[grant.role];
    if (scopeType === 'organisation') {
      links.set(`organisation:${code}`, {
        to: organisationReturnsPath(code),
        label: describeScope(grant.scope),
      });
    } else if (scopeType === 'ics') {
      links.set(`ics:${code}`, {
        to: icsReturnsPath(code),
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
