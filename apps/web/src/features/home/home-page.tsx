import { Card, InsetText } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { useDocumentTitle } from '../../components/use-document-title';
import { useCurrentUser } from '../../lib/api/session-api';
import { WaitingForYou } from './waiting-for-you';
import { YourAccess } from './your-access';
import { YourNotifications } from './your-notifications';
import { YourResults } from './your-results';
import { YourReturns } from './your-returns';

const destinations = [
  {
    to: '/frameworks',
    heading: 'Read the framework',
    description:
      'What good looks like for each care setting: the 7 success measures, their domains and what each of the 5 levels needs.',
  },
  {
    to: '/organisations',
    heading: 'Find an organisation',
    description: 'Search NHS trusts by name or ODS code and see their integrated care system and region.',
  },
  {
    to: '/regions',
    heading: 'Browse by region',
    description: 'See the integrated care systems in each NHS England region and their organisations.',
  },
  {
    to: '/about-the-data',
    heading: 'About the data',
    description: 'Where the organisation data comes from, how it is licensed and its known limits.',
  },
];

/** / : what the service is, with links to its parts. */
export function HomePage() {
  useDocumentTitle('Home');
  const user = useCurrentUser();
  return (
    <>
      <h1>What Good Looks Like digital maturity</h1>
      <p className="nhsuk-lede-text">
        A self-assessment platform for NHS trusts and integrated care systems, based on NHS England&apos;s
        What Good Looks Like (WGLL) framework and its national Digital Maturity Assessment.
      </p>
      <p>
        Trusts assess themselves against the 7 WGLL success measures, one return for each care setting they
        run. Their board approves the return and the trust submits it; integrated care boards complete a
        system-level return of their own.
      </p>
      <InsetText>
        <p>
          You can also read the WGLL framework for trusts and for integrated care systems, and use a directory
          of NHS organisations in England: 205 trusts, the integrated care systems they belong to and the 7
          NHS England regions, including the changes when 42 integrated care boards became 36 on 1 April 2026.
        </p>
      </InsetText>
      {user ? <WaitingForYou /> : null}
      {user ? <YourNotifications /> : null}
      {user ? <YourReturns user={user} /> : null}
      {user ? <YourResults user={user} /> : null}
      {user ? <YourAccess user={user} /> : null}
      <h2>Use the service</h2>
      <Card.Group>
        {destinations.map((destination) => (
          <Card.GroupItem key={destination.to} width="one-half">
            <Card clickable>
              <Card.Heading headingLevel="h2" className="nhsuk-heading-m">
                <Card.Link asElement={Link} to={destination.to}>
                  {destination.heading}
                </Card.Link>
              </Card.Heading>
              <Card.Description>{destination.description}</Card.Description>
            </Card>
          </Card.GroupItem>
        ))}
      </Card.Group>
    </>
  );
}
