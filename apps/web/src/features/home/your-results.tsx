import type { CurrentUser } from '@wgll/contracts';
import { Link } from 'react-router';

import { resultsLinks } from '../../lib/results-access';

/** The home page's way into results: the places the user's roles cover. */
export function YourResults({ user }: { user: CurrentUser }) {
  const links = resultsLinks(user);
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="your-results-heading">
      <h2 id="your-results-heading">Your results</h2>
      <p>Scores and comparisons for the places your roles cover.</p>
      <ul className="nhsuk-list">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>
              Results: {link.scope === 'national' ? 'England: results by region' : link.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
