import { Link } from 'react-router';

import { regionResultsPath } from '../../../lib/links';
import { AreaResultsLayout } from '../components/area-results-layout';

/** /national/results: England's regions side by side (national administrators). */
export function NationalResultsPage() {
  return (
    <AreaResultsLayout
      apiPath="/national"
      fallbackName="England"
      back={{ to: '/regions', label: 'Regions' }}
      groupLabel="Region"
      groupPath={regionResultsPath}
      icbLabel="ICBs’ own returns"
      withAt={false}
      note={() => (
        <p>
          <Link to="/national/targets">National targets</Link>: how many organisations meet each target, in
          England and in each region
        </p>
      )}
      notFound={
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      }
    />
  );
}
