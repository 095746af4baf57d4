import { Link, useParams } from 'react-router';

import { useIcs } from '../../../lib/api/ics-api';
import { icsPath } from '../../../lib/links';
import { OwnerReturnsLayout, type OwnerReturnsWords } from '../components/owner-returns-layout';

const words: OwnerReturnsWords = {
  loading: 'Loading the system return…',
  caption: (cycle) => `System return for ${cycle.name}`,
  noneStarted: (cycle) => `The system return for ${cycle.name} has not been started yet.`,
  startHint: 'Start it below. Then give each success measure to the people who will answer it.',
  waitHint: 'An ICS lead starts the system return. When they have, it will be listed here.',
  closed: 'This cycle has closed, so its system return can no longer be started.',
};

/** /ics/:code/returns: the ICB's own system-level return for a cycle, and starting it. */
export function IcsReturnsPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const ics = useIcs(code, undefined);

  return (
    <OwnerReturnsLayout
      ownerType="ics"
      code={code}
      owner={ics}
      backTo={icsPath(code)}
      intro={
        <p>
          Besides its trusts’ returns, each integrated care board completes one system-level return for each
          assessment cycle, against the framework for integrated care systems. The ICS lead leads it, records
          the ICB board’s approval on the board’s behalf, and submits it.
        </p>
      }
      notFound={{
        heading: 'ICS not found',
        body: (
          <>
            <p>There is no integrated care system with the ODS code {code}.</p>
            <p>
              <Link to="/regions">Browse the ICSs by region</Link>
            </p>
          </>
        ),
      }}
      words={words}
    />
  );
}
