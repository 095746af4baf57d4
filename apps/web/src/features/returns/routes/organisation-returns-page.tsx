import { Link, useParams } from 'react-router';

import { useOrganisation } from '../../../lib/api/organisations-api';
import { organisationPath } from '../../../lib/links';
import { OwnerReturnsLayout, type OwnerReturnsWords } from '../components/owner-returns-layout';

const words: OwnerReturnsWords = {
  loading: 'Loading the returns…',
  caption: (cycle) => `Returns for ${cycle.name}`,
  noneStarted: (cycle) => `No returns have been started for ${cycle.name} yet.`,
  startHint:
    'Start a return for each care setting the trust runs below. Then give each success measure to the people who will answer it.',
  waitHint: 'A trust lead starts the returns. When they have, they will be listed here.',
  closed: 'This cycle has closed, so no more returns can be started for it.',
};

/** /organisations/:code/returns: a trust's assessment returns for a cycle, and starting them. */
export function OrganisationReturnsPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const organisation = useOrganisation(code, undefined);

  return (
    <OwnerReturnsLayout
      ownerType="organisation"
      code={code}
      owner={organisation}
      careSettings={organisation.data?.careSettings ?? []}
      backTo={organisationPath(code)}
      intro={
        <p>
          Each care setting the trust runs has its own return for each assessment cycle. The trust answers
          every domain, the board approves the return, and a trust lead submits it.
        </p>
      }
      notFound={{
        heading: 'Organisation not found',
        body: (
          <>
            <p>There is no organisation with the ODS code {code} in the directory.</p>
            <p>
              <Link to="/organisations">Search the organisation directory</Link>
            </p>
          </>
        ),
      }}
      words={words}
    />
  );
}
