import { BackLink } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { AtDateForm } from '../../../components/at-date-form';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { useAtDate } from '../../../components/use-at-date';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { useOrganisation } from '../../../lib/api/organisations-api';
import { useCurrentUser } from '../../../lib/api/session-api';
import { formatDate } from '../../../lib/dates';
import { readableName } from '../../../lib/format';
import { organisationReturnsPath, sharingPath, trustResultsPath } from '../../../lib/links';
import { mayViewResults } from '../../../lib/results-access';
import { roleScopeTypes } from '../../../lib/roles';
import { MembershipHistory } from '../components/membership-history';
import { MergerComparison } from '../components/merger-comparison';
import { OrganisationChanges } from '../components/organisation-changes';
import { OrganisationSummary } from '../components/organisation-summary';
import { OrganisationTeam } from '../components/organisation-team';

/** /organisations/:code: one organisation, its place in the hierarchy on a date, and its history. */
export function OrganisationPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const at = useAtDate();
  const query = useOrganisation(code, at.requested);
  const organisation = query.data;
  const user = useCurrentUser();

  const notFound = query.error instanceof ApiRequestError && query.error.isNotFound;
  const invalid = query.error instanceof ApiRequestError && query.error.isValidationError;
  useDocumentTitle(
    notFound
      ? 'Organisation not found'
      : organisation
        ? readableName(organisation.name)
        : `${invalid ? 'Error: ' : ''}Organisation ${code}`,
  );

  if (notFound) {
    return (
      <NotFound heading="Organisation not found">
        <p>There is no organisation with the ODS code {code} in the directory.</p>
        <p>Check the code is correct. ODS codes for NHS trusts are usually 3 characters, for example RJ1.</p>
        <p>
          <Link to="/organisations">Search the organisation directory</Link>
        </p>
      </NotFound>
    );
  }

  return (
    <>
      <BackLink asElement={Link} to="/organisations">
        Find an organisation
      </BackLink>
      {organisation ? (
        <>
          <h1>
            <span className="nhsuk-caption-l">NHS trust</span>
            {readableName(organisation.name)}
          </h1>
          <p role="status">
            {query.isPlaceholderData
              ? `Loading this organisation on ${formatDate(at.effective)}…`
              : `Showing this organisation on ${formatDate(organisation.at)}.`}
          </p>
          <p>
            <Link to={organisationReturnsPath(organisation.odsCode)}>Assessment returns</Link> for this trust
          </p>
          {mayViewResults(user, {
            type: 'organisation',
            code: organisation.odsCode,
            ics: organisation.ics?.odsCode ?? null,
            region: organisation.region?.odsCode ?? null,
          }) ? (
            <p>
              <Link to={trustResultsPath(organisation.odsCode)}>Results</Link>: this trust’s scores beside its
              ICS and England, and its peers
            </p>
          ) : null}
          {user?.roles.some(
            (grant) =>
              grant.role === 'national-administrator' ||
              (roleScopeTypes[grant.role] === 'organisation' && grant.scope.code === organisation.odsCode),
          ) ? (
            <p>
              <Link to={sharingPath(organisation.odsCode)}>Sharing for peer learning</Link>: whether other
              organisations see this trust named beside the elements it meets
            </p>
          ) : null}
          <OrganisationSummary organisation={organisation} requestedAt={at.requested} />
          <AtDateForm at={at.effective} label="Show this organisation on another date" />
          <MergerComparison memberships={organisation.memberships} />
          <MembershipHistory memberships={organisation.memberships} />
          <OrganisationChanges previousNames={organisation.previousNames} changes={organisation.changes} />
          <OrganisationTeam code={organisation.odsCode} at={at.requested} />
        </>
      ) : (
        <>
          <h1>Organisation {code}</h1>
          {query.isPending ? <LoadingMessage>Loading organisation…</LoadingMessage> : null}
          {query.isError ? <ApiErrorSummary error={query.error} fieldIds={{ at: 'at' }} /> : null}
          {invalid ? <AtDateForm at={at.effective} label="Show this organisation on another date" /> : null}
        </>
      )}
    </>
  );
}
