import type { IcsDetail, IcsLink } from '@wgll/contracts';
import { WarningCallout } from 'nhsuk-react-components';
import { Fragment } from 'react';
import { Link } from 'react-router';

import { addDays, formatDate } from '../../../lib/dates';
import { readableName } from '../../../lib/format';
import { icsPath } from '../../../lib/links';

/** "A (QMJ), B (QRV) and C (QWE)", each a link to the ICS on the given date. */
export function IcsLinkList({ links, at }: { links: IcsLink[]; at: string | undefined }) {
  return (
    <>
      {links.map((link, index) => (
        <Fragment key={link.odsCode}>
          {index > 0 ? (index === links.length - 1 ? ' and ' : ', ') : null}
          <Link to={icsPath(link.odsCode, at)}>
            {readableName(link.name)} ({link.odsCode})
          </Link>
          {link.part ? ` (${link.part})` : null}
        </Fragment>
      ))}
    </>
  );
}

/** Explains an ICS that did not exist on the date shown: closed, or not yet created. */
export function IcsStatusMessage({ ics }: { ics: IcsDetail }) {
  if (ics.status === 'closed') {
    // Successors are worth seeing on the day they started.
    const successorDate = ics.validTo ? addDays(ics.validTo, 1) : undefined;
    return (
      <WarningCallout>
        <WarningCallout.Heading>This ICB no longer exists</WarningCallout.Heading>
        <p>
          This ICB closed on {ics.validTo ? formatDate(ics.validTo) : 'an unknown date'}, so it had no
          organisations on {formatDate(ics.at)}.
          {ics.successors.length > 0 ? (
            <>
              {' '}
              It was replaced by <IcsLinkList links={ics.successors} at={successorDate} />.
            </>
          ) : null}
        </p>
        {ics.validTo ? (
          <p>
            <Link to={icsPath(ics.odsCode, ics.validTo)}>
              See this ICB on its last day, {formatDate(ics.validTo)}
            </Link>
          </p>
        ) : null}
      </WarningCallout>
    );
  }
  if (ics.status === 'not-yet-open') {
    return (
      <WarningCallout>
        <WarningCallout.Heading>This ICB did not exist yet</WarningCallout.Heading>
        <p>
          This ICB was created on {formatDate(ics.validFrom)}, so it had no organisations on{' '}
          {formatDate(ics.at)}.
          {ics.predecessors.length > 0 ? (
            <>
              {' '}
              Before then, its area was covered by <IcsLinkList links={ics.predecessors} at={ics.at} />.
            </>
          ) : null}
        </p>
        <p>
          <Link to={icsPath(ics.odsCode, ics.validFrom)}>
            See this ICB on its first day, {formatDate(ics.validFrom)}
          </Link>
        </p>
      </WarningCallout>
    );
  }
  return null;
}
