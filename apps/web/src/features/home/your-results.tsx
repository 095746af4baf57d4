import type { CurrentUser } from '@wgll/contracts';
import { Link } from 'react-router';

import { icsResultsPath, nationalResultsPath, regionResultsPath, trustResultsPath } from '../../lib/links';
import { describeScope, roleScopeTypes } from '../../lib/roles';

/**
 * One link for each place the user's roles cover, to its results: a trust's (every trust role), an
 * ICS's (ICS lead), a region's (regional viewer) or England's (national administrator).
 */
function resultLinks(user: CurrentUser) {
  const links = new Map<string, { to: string; label: string }>();
  for (const grant of user.roles) {
    const code = grant.scope.code;
    switch (roleScopeTypes[grant.role]) {
      case 'national':
        links.set('national', { to: nationalResultsPath(), label: 'England: results by region' });
        break;
      case 'region':
        if (code)
          links.set(`region:${code}`, { to: regionResultsPath(code), label: describeScope(grant.scope) });
        break;
      case 'ics':
        if (code) links.set(`ics:${code}`, { to: icsResultsPath(code), label: describeScope(grant.scope) });
        break;
      case 'organisation':
        if (code)
          links.set(`organisation:${code}`, {
            to: trustResultsPath(code),
            label: describeScope(grant.scope),
          });
        break;
    }
  }
  return [...links.values()];
}

/** The home page's way into results: the places the user's roles cover. */
export function YourResults({ user }: { user: CurrentUser }) {
  const links = resultLinks(user);
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="your-results-heading">
      <h2 id="your-results-heading">Your results</h2>
      <p>Scores and comparisons for the places your roles cover.</p>
      <ul className="nhsuk-list">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>Results: {link.label}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
